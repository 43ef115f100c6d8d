/** The bottom panel: every run, newest first, with its events; then runtime messages. */
import { useState } from 'react';
import { describeAction } from '../../engine/host/actions.ts';
import type { TraceEvent } from '../../engine/trace.ts';
import { useStore } from '../../state/store.ts';
import { selectConsole, selectRuns } from '../../state/selectors.ts';
import type { RunRecord } from '../../state/types.ts';
import { describeEvent } from './describe-event.ts';

export function RunLog() {
  const runs = useStore(selectRuns);
  const consoleEvents = useStore(selectConsole);
  const clear = useStore((s) => s.clearRuns);
  return (
    <section className="run-log" aria-label="Run log">
      <div className="panel-header">
        <h2 className="panel-title">Run log</h2>
        <span className="muted small">{runs.length} {runs.length === 1 ? 'run' : 'runs'}</span>
        <button type="button" className="btn btn-ghost btn-small push-right" onClick={clear} disabled={runs.length === 0 && consoleEvents.length === 0}>
          Clear
        </button>
      </div>
      <div className="run-log-body" data-testid="run-log">
        {runs.length === 0 && consoleEvents.length === 0 && <p className="muted pad">Runs appear here: every handler call, its answer and what the host made of it.</p>}
        {[...runs].reverse().map((r, i) => (
          <RunEntry key={r.id} run={r} initiallyOpen={i === 0} />
        ))}
        {consoleEvents.length > 0 && (
          <details className="run-entry" open>
            <summary>Runtime messages outside runs ({consoleEvents.length})</summary>
            <EventList events={consoleEvents} />
          </details>
        )}
      </div>
    </section>
  );
}

function RunEntry({ run, initiallyOpen }: { run: RunRecord; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const tone = run.crash ? 'error' : !run.result ? 'muted' : run.result.outcome === 'completed' ? 'ok' : 'error';
  return (
    <details className="run-entry" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="run-entry">
      <summary>
        <span className={`dot tone-${tone}`} aria-hidden="true" />
        <span className="run-action">{describeAction(run.action)}</span>
        <span className={`run-outcome tone-${tone}`}>{run.crash ? 'crashed' : run.result ? (run.result.error?.code ?? run.result.outcome) : 'running…'}</span>
        <span className="muted small push-right">{new Date(run.startedAt).toLocaleTimeString()}</span>
      </summary>
      <EventList events={run.events.filter((e) => e.type !== 'call-start')} />
    </details>
  );
}

function EventList({ events }: { events: TraceEvent[] }) {
  return (
    <ol className="event-list">
      {events.map((e, i) => {
        const d = describeEvent(e);
        return (
          <li key={i} className={`event tone-${d.tone}`}>
            {d.app && <span className="event-app">{d.app}</span>}
            <span className="event-text">{d.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
