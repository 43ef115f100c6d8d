/** The Run area's toolbar: Graph/Console tabs, which run is shown (and its app-started runs), re-run. */
import { seqOf } from '../../state/run-memory.ts';
import { describeAction, PROFILES } from '../../engine/index.ts';
import type { CenterTab } from '../../state/inspect-slice.ts';
import { outcomeFacts, outcomeText } from '../../state/outcome-facts.ts';
import { useStore } from '../../state/store.ts';
import type { RunRecord } from '../../workspace/types.ts';
import { RerunControls } from '../actions/RerunControls.tsx';
import { StepControls } from './StepControls.tsx';

function childLabel(run: RunRecord, childId: string): string {
  const start = run.events.find((e) => e.type === 'run-start' && e.runId === childId);
  if (!start || start.type !== 'run-start') return childId;
  const by = start.origin.kind === 'app' ? `${start.origin.appId}: ` : '';
  return `${by}${describeAction(start.action)}`;
}

export function RunToolbar({ run }: { run: RunRecord | null }) {
  const tab = useStore((s) => s.centerTab);
  const setTab = useStore((s) => s.setCenterTab);
  const hasReplay = useStore((s) => s.replay !== null);
  const graphRunId = useStore((s) => s.graphRunId);
  const selectGraphRun = useStore((s) => s.selectGraphRun);
  const viewed = useStore((s) => s.viewedRunId);
  const backToLive = useStore((s) => s.backToLive);
  const selectNode = useStore((s) => s.selectNode);
  const tabs: { id: CenterTab; label: string }[] = [
    { id: 'graph', label: 'Graph' },
    { id: 'console', label: 'Console' },
    ...(hasReplay ? [{ id: 'replay' as const, label: 'Replay' }] : []),
  ];
  const start = run?.events.find((e) => e.type === 'run-start');
  const profile = start && start.type === 'run-start' ? start.profile : null;
  const live = run ? `Run #${seqOf(run)}: ${run.crash ? 'crashed' : outcomeText(outcomeFacts(run.events))}` : 'No run yet';
  return (
    <div className="run-toolbar">
      <div className="run-toolbar-row">
        <div className="run-tabs" role="tablist" aria-label="Run view">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className="run-tab"
              data-testid={`run-tab-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {run && run.childRunIds.length > 0 && (
          <div className="run-chips" role="group" aria-label="Runs in this run">
            <button
              type="button"
              className={`run-chip${graphRunId === null ? ' is-on' : ''}`}
              aria-pressed={graphRunId === null}
              onClick={() => selectGraphRun(null)}
              data-testid="run-chip-root"
            >
              #{seqOf(run)} {describeAction(run.action)}
            </button>
            {run.childRunIds.map((id) => (
              <button
                key={id}
                type="button"
                className={`run-chip run-chip-child${graphRunId === id ? ' is-on' : ''}`}
                aria-pressed={graphRunId === id}
                onClick={() => selectGraphRun(id)}
                data-testid={`run-chip-${id}`}
                title="A run an app started during this run"
              >
                ↳ {childLabel(run, id)}
              </button>
            ))}
          </div>
        )}
        <button
          type="button"
          className="run-live"
          aria-live="polite"
          data-testid="run-live-outcome"
          disabled={!run}
          title={`${live}: show the outcome in the graph and the inspector`}
          onClick={() => selectNode('outcome')}
        >
          {live}
        </button>
        {profile && (
          <span className="tag" data-testid="run-profile" title={`This run used the ${PROFILES[profile].label} profile`}>
            {profile}
          </span>
        )}
        {viewed && (
          <button type="button" className="btn btn-small btn-ghost" onClick={backToLive} data-testid="run-back-to-live">
            ⟲ back to live
          </button>
        )}
        <StepControls />
      </div>
      <div className="run-toolbar-row">
        <RerunControls run={run} />
      </div>
    </div>
  );
}
