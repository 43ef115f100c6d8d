/**
 * The Console: every run, newest first, with its events; then runtime messages. Filtered to one
 * node's calls when a graph node is selected (a chip says so); clicking a line of a call selects
 * its run and node.
 */
import { seqOf } from '../../state/run-memory.ts';
import { useState } from 'react';
import { describeAction, type TraceEvent } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { selectConsole, selectRuns } from '../../state/selectors.ts';
import type { RunRecord } from '../../workspace/types.ts';
import { selectCall } from '../run/actions.ts';
import { callIdOf, filterByCalls } from '../run/run-view.ts';
import { describeEvent } from './describe-event.ts';

export function RunLog() {
  const runs = useStore(selectRuns);
  const consoleEvents = useStore(selectConsole);
  const clear = useStore((s) => s.clearRuns);
  const filter = useStore((s) => s.logFilter);
  const setFilter = useStore((s) => s.setLogFilter);
  const filteredRun = filter ? runs.find((r) => r.events.some((e) => e.runId === filter.runId)) : undefined;
  return (
    <section className="run-log" aria-label="Console">
      <div className="panel-header">
        <h2 className="panel-title">Console</h2>
        <span className="muted small">
          {runs.length} {runs.length === 1 ? 'run' : 'runs'}
        </span>
        <button type="button" className="btn btn-ghost btn-small push-right" onClick={clear} disabled={runs.length === 0 && consoleEvents.length === 0}>
          Clear
        </button>
      </div>
      {filter && (
        <div className="log-filter">
          <span className="log-filter-chip" data-testid="log-filter-chip">
            filtered to {filter.label}
            <button type="button" aria-label="Show every event" title="Show every event" onClick={() => setFilter(null)} data-testid="log-filter-clear">
              ×
            </button>
          </span>
        </div>
      )}
      <div className="run-log-body" data-testid="run-log">
        {filter && filteredRun ? (
          <EventList run={filteredRun} events={filterByCalls(filteredRun.events, filter.callIds).filter((e) => e.type !== 'call-start')} />
        ) : (
          <>
            {runs.length === 0 && consoleEvents.length === 0 && (
              <p className="muted pad">Runs appear here: every handler call, its answer and what the host made of it.</p>
            )}
            {[...runs]
              .reverse()
              .slice(0, 200)
              .map((r, i) => (
                <RunEntry key={r.id} run={r} initiallyOpen={i === 0} />
              ))}
            {consoleEvents.length > 0 && (
              <details className="run-entry" open>
                <summary>Runtime messages outside runs ({consoleEvents.length})</summary>
                <EventList run={null} events={consoleEvents} />
              </details>
            )}
          </>
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
        <span className="muted small">#{seqOf(run)}</span>
        <span className="run-action">{describeAction(run.action)}</span>
        <span className={`run-outcome tone-${tone}`}>{run.crash ? 'crashed' : run.result ? (run.result.error?.code ?? run.result.outcome) : 'running…'}</span>
        <span className="muted small push-right">{new Date(run.startedAt).toLocaleTimeString()}</span>
      </summary>
      {open && <EventList run={run} events={run.events.filter((e) => e.type !== 'call-start')} />}
    </details>
  );
}

function EventList({ run, events }: { run: RunRecord | null; events: TraceEvent[] }) {
  return (
    <ol className="event-list">
      {events.map((e, i) => {
        const d = describeEvent(e);
        const callId = run ? callIdOf(e) : null;
        const select = () => run && callId && selectCall(run, callId);
        return (
          <li
            key={i}
            className={`event tone-${d.tone}${callId ? ' is-link' : ''}`}
            {...(callId
              ? {
                  role: 'button',
                  tabIndex: 0,
                  title: 'Select this handler in the graph',
                  onClick: select,
                  onKeyDown: (ev: React.KeyboardEvent) => (ev.key === 'Enter' || ev.key === ' ') && select(),
                  'data-call-id': callId,
                  'data-testid': 'log-line',
                }
              : {})}
          >
            {d.app && <span className="event-app">{d.app}</span>}
            <span className="event-text">{d.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
