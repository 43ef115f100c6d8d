/** The result of "Replay session against current code": changed runs first, unchanged collapsed. */
import type { ReplayRow } from '../../state/inspect-slice.ts';
import { describeChange } from '../../state/replay-diff.ts';
import { useStore } from '../../state/store.ts';

function ReplayRows({ rows, className }: { rows: ReplayRow[]; className: string }) {
  return (
    <ul className="run-replay-list">
      {rows.map((r) => (
        <li key={r.seq} className={className} data-testid={`replay-row-${r.seq}`}>
          <span className="run-replay-label">{r.label}</span> {describeChange(r)}
        </li>
      ))}
    </ul>
  );
}

export function ReplayView() {
  const replay = useStore((s) => s.replay);
  const setReplay = useStore((s) => s.setReplay);
  const setTab = useStore((s) => s.setCenterTab);
  if (!replay) return <p className="muted pad">Press “Replay session” to run every recorded action again against the current code.</p>;
  const changed = replay.rows.filter((r) => r.changed);
  const same = replay.rows.filter((r) => !r.changed);
  return (
    <div className="run-replay" data-testid="replay-view" aria-live="polite">
      <div className="run-replay-head">
        {replay.status === 'running' && (
          <span>
            Replaying {replay.done} / {replay.total} runs in a scratch engine…
          </span>
        )}
        {replay.status === 'failed' && <span className="tone-error">Replay failed: {replay.error}</span>}
        {replay.status === 'done' && (
          <span data-testid="replay-summary">
            Replayed {replay.total} runs
            {replay.fromSeq !== null && replay.fromSeq > 1 ? ` (from run #${replay.fromSeq}: older runs no longer keep their world)` : ''} against the current
            code: {changed.length === 0 ? 'every outcome is the same.' : `${changed.length} changed.`}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small btn-ghost push-right"
          onClick={() => {
            setReplay(null);
            setTab('graph');
          }}
        >
          Close
        </button>
      </div>
      <ReplayRows rows={changed} className="run-replay-row is-changed" />
      {same.length > 0 && (
        <details className="run-replay-same">
          <summary>
            {same.length} unchanged {same.length === 1 ? 'run' : 'runs'}
          </summary>
          <ReplayRows rows={same} className="run-replay-row" />
        </details>
      )}
    </div>
  );
}
