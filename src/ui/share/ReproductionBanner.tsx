/** After Run on a shared link's runs: did this page reproduce the sender's results? One line per run. */
import { useStore } from '../../state/store.ts';

export function ReproductionBanner() {
  const repro = useStore((s) => s.reproduction);
  const close = useStore((s) => s.setReproduction);
  if (!repro || repro.rows.length === 0) return null;
  const same = repro.rows.filter((r) => r.same).length;
  const all = same === repro.rows.length;
  return (
    <div className={`banner ${all ? 'banner-ok' : 'banner-warn'} repro-banner`} role="status" data-testid="repro-banner">
      <div>
        <strong data-testid="repro-summary">
          {all
            ? `Reproduced the sender's results: ${same} of ${repro.rows.length} runs the same.`
            : `${repro.rows.length - same} of ${repro.rows.length} runs differ from the sender's.`}
        </strong>
        <ul className="small">
          {repro.rows.map((r, i) => (
            <li key={i} data-testid={`repro-row-${i}`}>
              {r.label}: sender {r.sender}, here {r.here} {r.same ? '✓' : '≠'}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn-small" data-testid="repro-close" onClick={() => close(null)}>
        Close
      </button>
    </div>
  );
}
