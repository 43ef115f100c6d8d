/** The room before -> after of an Extend/Modify handler, and what the host did with each change. */
import type { FieldFate } from './inspect.ts';

const FATE: Record<FieldFate['fate'], string> = {
  applied: 'applied',
  dropped: 'dropped by the host',
  lost: 'lost (chain broken)',
  replaced: 'replaced by a later app',
  ignored: 'not applied',
  unknown: 'pending',
};

function short(v: unknown): string {
  const s = v === undefined ? '—' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

export function FieldsBlock({ fields }: { fields: FieldFate[] }) {
  return (
    <section className="hs-insp-section" data-testid="inspector-fields">
      <h4>Room changes this handler returned</h4>
      <table className="hs-fields">
        <thead>
          <tr><th>field</th><th>before</th><th>after</th><th>host</th></tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.path} className={`hs-fate-${f.fate}`} data-testid={`inspector-field-${f.path}`} data-fate={f.fate}>
              <td className="hs-mono">{f.path}</td>
              <td className="hs-mono">{short(f.before)}</td>
              <td className="hs-mono">{short(f.after)}</td>
              <td title={f.reason}>{FATE[f.fate]}{f.reason ? `: ${f.reason}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
