/**
 * The edit-run loop, in the Run area's toolbar: Run again (from the world the run started from,
 * or the current one), Reset world (back to where the session started), Live (re-run the last
 * run after every edit) and Replay session, with what the last re-run changed.
 */
import { sessionStartWorld } from '../../state/rerun.ts';
import type { RerunWorld } from '../../state/rerun-slice.ts';
import { seqOf } from '../../state/run-memory.ts';
import { useStore } from '../../state/store.ts';
import type { RunRecord } from '../../workspace/types.ts';
import { replaySession, resetToSessionStart, runAgain } from './rerun.ts';
import './rerun.css';

const WORLDS: { id: RerunWorld; label: string; title: string }[] = [
  {
    id: 'start',
    label: 'its start',
    title: 'Run again and Replay session start from the world the run (or the session) started from: the same step, against the same world',
  },
  {
    id: 'current',
    label: 'current world',
    title: 'Run again and Replay session start from the live world as it is now (rooms earlier runs created are still there)',
  },
];

export function RerunControls({ run }: { run: RunRecord | null }) {
  const from = useStore((s) => s.rerunWorld);
  const setFrom = useStore((s) => s.setRerunWorld);
  const live = useStore((s) => s.live);
  const setLive = useStore((s) => s.setLive);
  const note = useStore((s) => s.liveNote);
  const skipped = useStore((s) => s.liveSkipped);
  const replaying = useStore((s) => s.replay?.status === 'running');
  const busy = useStore((s) => s.runs.some((r) => r.state === 'running'));
  const start = useStore((s) => sessionStartWorld(s.runs)?.seq ?? null);
  const noStart = from === 'start' && run !== null && !run.worldBefore;
  const againTitle = !run
    ? 'Run an action first'
    : noStart
      ? `The world before run #${seqOf(run)} is no longer kept (only the newest runs keep theirs): Run again uses the current world`
      : from === 'start'
        ? `Run #${seqOf(run)}'s action again with the current code, from the world it started from (Ctrl/Cmd+Enter)`
        : `Run #${seqOf(run)}'s action again with the current code, on the current world (Ctrl/Cmd+Enter)`;
  return (
    <div className="rerun" role="group" aria-label="Run again">
      <button type="button" className="btn btn-small" disabled={!run || busy} onClick={() => run && runAgain(run)} data-testid="run-again" title={againTitle}>
        ↻ Run again
      </button>
      <label className="rerun-from" title={WORLDS.find((w) => w.id === from)?.title}>
        <span className="muted small">from</span>
        <select className="input input-small" value={from} data-testid="rerun-world" onChange={(e) => setFrom(e.target.value as RerunWorld)}>
          {WORLDS.map((w) => (
            <option key={w.id} value={w.id}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={start === null || busy}
        onClick={resetToSessionStart}
        data-testid="reset-world"
        title={
          start === null
            ? 'No run yet: the world is as the session started'
            : `Put the world back as it was before run #${start} (the rooms runs created since are gone)`
        }
      >
        ⟲ Reset
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!run || replaying}
        onClick={replaySession}
        data-testid="replay-session"
        title={`Run every recorded action, in order, against the current code in a scratch engine, from ${from === 'start' ? 'the world the session started from' : 'the current world'} (the live world is not touched)`}
      >
        {replaying ? 'Replaying…' : 'Replay session'}
      </button>
      <label
        className="check small rerun-live"
        title="Live mode: after an edit settles, the last run runs again from its starting world and the graph updates in place, showing what changed"
      >
        <input type="checkbox" checked={live} data-testid="live-mode" onChange={(e) => setLive(e.target.checked)} /> Live
      </label>
      <span className="rerun-note small" role="status" aria-live="polite" data-testid="live-note" title={note?.text}>
        {live && skipped ? `Live: not re-run, ${skipped}` : live && note ? `Live, run #${note.seq}: ${note.text}` : ''}
      </span>
    </div>
  );
}
