/**
 * The room before -> after of an Extend/Modify handler, and what the host did with each change.
 * One block per field (name and fate on a line, then before -> after, then the reason), so it
 * reads in a narrow inspector and in presenter mode without columns cut at the edge.
 */
import { breakable } from '../breakable.tsx';
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
      <ul className="hs-fields">
        {fields.map((f) => (
          <li key={f.path} className={`hs-fate-${f.fate}`} data-testid={`inspector-field-${f.path}`} data-fate={f.fate}>
            <div className="hs-field-head">
              <span className="hs-mono hs-field-path">{breakable(f.path)}</span>
              <span className="hs-field-fate">{FATE[f.fate]}</span>
            </div>
            <div className="hs-mono hs-field-values">
              <span title="before">{short(f.before)}</span>
              <span aria-label="becomes"> → </span>
              <span title="after">{short(f.after)}</span>
            </div>
            {f.reason && <div className="hs-field-reason">{f.reason}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
