/**
 * The runs recorded in a shared workspace, read-only, as the sender saw them: the list (action,
 * host answer, each call) and the graph of the selected run projected from its shared trace,
 * with a cursor to step through it event by event. Nothing runs: projecting a trace is pure.
 */
import { useMemo, useState } from 'react';
import { describeAction } from '../../engine/index.ts';
import { projectRun } from '../../graph/project.ts';
import type { SharedRun } from '../../share/payload.ts';
import { selectTheme } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { RunGraphView } from '../graph/RunGraph.tsx';

function rootEvents(run: SharedRun) {
  const root = run.events[0]?.runId;
  return root ? run.events.filter((e) => e.runId === root) : [];
}

function SharedRunGraph({ run, index }: { run: SharedRun; index: number }) {
  const theme = useStore(selectTheme);
  const events = useMemo(() => rootEvents(run), [run]);
  const [cursor, setCursor] = useState(events.length);
  const [node, setNode] = useState<string | null>(null);
  const graph = useMemo(() => {
    try {
      return events.length ? projectRun(events, Math.max(1, cursor)) : null;
    } catch {
      return null;
    }
  }, [events, cursor]);
  if (!events.length) return <p className="small muted">This link was made before runs carried their trace: no graph, only the list.</p>;
  const at = Math.max(1, cursor);
  const last = events[at - 1];
  return (
    <div className="safe-graph" data-testid="safe-run-graph" data-run={index}>
      <div className="safe-graph-steps" role="group" aria-label="Step through the shared run">
        <button type="button" className="btn btn-small" data-testid="safe-step-first" disabled={at <= 1} onClick={() => setCursor(1)} title="The first event">
          « First
        </button>
        <button type="button" className="btn btn-small" data-testid="safe-step-back" disabled={at <= 1} onClick={() => setCursor(at - 1)}>
          ◀ Step back
        </button>
        <button type="button" className="btn btn-small" data-testid="safe-step-next" disabled={at >= events.length} onClick={() => setCursor(at + 1)}>
          Step ▶
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="safe-step-last"
          disabled={at >= events.length}
          onClick={() => setCursor(events.length)}
          title="The last event: the run as it ended"
        >
          Last »
        </button>
        <span className="small muted" data-testid="safe-step-position">
          event {at} of {events.length}: {last?.type}
        </span>
      </div>
      <div className="safe-graph-body">
        <RunGraphView graph={graph} selectedNodeId={node} onSelectNode={setNode} theme={theme} fitAll />
      </div>
    </div>
  );
}

export function SharedRuns({ runs }: { runs: SharedRun[] }) {
  const [selected, setSelected] = useState(0);
  if (runs.length === 0)
    return (
      <p className="small muted" data-testid="safe-runs-none">
        No recorded runs were shared.
      </p>
    );
  const shown = runs[Math.min(selected, runs.length - 1)]!;
  return (
    <section aria-label="Recorded runs (read-only)" data-testid="safe-runs" className="safe-runs">
      <h3 className="section-title">Recorded runs (read-only, as the sender saw them)</h3>
      <div className="safe-runs-body">
        <ol className="safe-run-list">
          {runs.map((r, i) => (
            <li key={i} data-testid="safe-run-item" className={i === selected ? 'is-active' : ''}>
              <button type="button" className="link-btn" aria-pressed={i === selected} data-testid={`safe-run-${i}`} onClick={() => setSelected(i)}>
                #{i + 1} {describeAction(r.action)}
              </button>{' '}
              →{' '}
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
        <SharedRunGraph key={selected} run={shown} index={selected} />
      </div>
    </section>
  );
}
