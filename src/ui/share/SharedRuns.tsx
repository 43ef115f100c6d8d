/** The runs recorded in a shared workspace, read-only: action, host answer, each call's status. */
import { describeAction } from '../../engine/host/actions.ts';
import type { SharedRun } from '../../share/payload.ts';

export function SharedRuns({ runs }: { runs: SharedRun[] }) {
  if (runs.length === 0) return <p className="small muted" data-testid="safe-runs-none">No recorded runs were shared.</p>;
  return (
    <section aria-label="Recorded runs (read-only)" data-testid="safe-runs">
      <h3 className="section-title">Recorded runs (read-only, as the sender saw them)</h3>
      <ol className="safe-run-list">
        {runs.map((r, i) => (
          <li key={i} data-testid="safe-run-item">
            <span>{describeAction(r.action)}</span> →{' '}
            <strong className={r.result.error ? 'is-error' : ''}>{r.result.error ? `${r.result.error.code}: ${r.result.error.message}` : 'completed'}</strong>
            {r.calls.length > 0 && (
              <ul className="small muted">
                {r.calls.map((c, j) => (
                  <li key={j}>
                    {c.app} · {c.method}: {c.detail}
                    {c.awaited ? '' : ' (not awaited)'}
                    {c.error ? ` — ${c.error}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
