/**
 * The bottom Run area: history | graph (or console, compare, replay) with its toolbar | inspector.
 * Everything is a projection of the store's trace events, so the graph updates live.
 */
import { useEffect, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { projectRun } from '../../graph/project.ts';
import { markChanges } from '../../state/live-diff.ts';
import { selectTheme } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import { RunLog } from '../console/RunLog.tsx';
import { preloadRunGraph, RunGraphView } from '../graph/RunGraph.tsx';
import { RunHistory } from '../history/RunHistory.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { jumpToSource, selectNode } from './actions.ts';
import { useSelectPausedNode } from './use-select-paused-node.ts';
import { CompareView } from './CompareView.tsx';
import { ReplayView } from './ReplayView.tsx';
import { RunToolbar } from './RunToolbar.tsx';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { eventsOf, hasStart, selectCompareRun, selectShownRun } from './run-view.ts';
import './run-theme.css';
import './run.css';

function useShownGraph() {
  const run = useStore(selectShownRun);
  const graphRunId = useStore((s) => s.graphRunId);
  // The graph is projected only while something shows it: the Graph tab, or the inspector's node.
  const needed = useStore((s) => s.centerTab === 'graph' || s.selectedNodeId !== null);
  return useMemo(() => {
    if (!run) return { run, events: [], graph: null, failed: undefined };
    const events = eventsOf(run, graphRunId);
    if (!needed) return { run, events, graph: null, failed: undefined };
    // A projection that throws breaks the graph and the inspector (their boundaries show it), not the Run area.
    try {
      const graph = hasStart(events) ? projectRun(events) : null;
      // A re-run (Run again, live mode) shows what changed against the result it repeats.
      return { run, events, graph: graph && graphRunId === null ? markChanges(graph, run.previous, events) : graph, failed: undefined };
    } catch (error) {
      return { run, events, graph: null, failed: error };
    }
  }, [run, graphRunId, needed]);
}

/** Rethrows, inside an area's boundary, an error met while computing what the area shows. */
function Rethrow({ error }: { error: unknown }): null {
  throw error;
}

export function RunArea() {
  const layout = useDefaultLayout({ id: 'hookscope.run', storage: localStorage });
  const { run, events, graph, failed } = useShownGraph();
  const hasRun = run !== null;
  // The graph's canvas loads with the first run, while the engine works.
  useEffect(() => {
    if (hasRun) preloadRunGraph();
  }, [hasRun]);
  const theme = useStore(selectTheme);
  const tab = useStore((s) => s.centerTab);
  const selectedNodeId = useStore((s) => s.selectedNodeId);
  const compare = useStore(selectCompareRun);
  const setCompare = useStore((s) => s.setCompare);
  const selectRun = useStore((s) => s.selectRun);
  const runs = useStore((s) => s.runs);
  const workspaceApps = useStore((s) => s.apps);
  const apps = useMemo(() => workspaceApps.map((a) => ({ id: a.id, name: a.name })), [workspaceApps]);
  const node = graph?.nodes.find((n) => n.id === selectedNodeId) ?? null;
  const onSelectNode = (id: string | null) => selectNode(graph?.nodes.find((n) => n.id === id) ?? null, graph?.runId ?? null);
  useSelectPausedNode(graph);

  return (
    <section className="run-area" aria-label="Run" data-testid="run-area" id="run-area" tabIndex={-1}>
      <Group orientation="horizontal" {...layout}>
        <Panel id="run-history" defaultSize="16%" minSize={180} className="run-col">
          <ErrorBoundary id="history" area="the run history">
            <RunHistory runs={runs} selectedId={run?.id ?? null} compareId={compare?.id ?? null} apps={apps} onSelect={selectRun} onCompare={setCompare} />
          </ErrorBoundary>
        </Panel>
        <Separator className="resize-handle" />
        <Panel id="run-center" defaultSize="60%" minSize={320} className="run-col">
          <ErrorBoundary id="run-toolbar" area="the run toolbar">
            <RunToolbar run={run} />
          </ErrorBoundary>
          <div className="run-center-body" data-testid={`run-center-${tab}`}>
            {tab === 'graph' && (
              // Another run shown renders the graph afresh; Try again also drops the selected node.
              <ErrorBoundary key="graph" id="graph" area="the run graph" resetKey={graph?.runId ?? run?.id} onReset={() => selectNode(null, null)}>
                {failed !== undefined && <Rethrow error={failed} />}
                {compare && run && compare.id !== run.id ? (
                  <CompareView a={run} b={compare} theme={theme} onClose={() => setCompare(null)} />
                ) : (
                  <RunGraphView graph={graph} selectedNodeId={selectedNodeId} onSelectNode={onSelectNode} theme={theme} />
                )}
              </ErrorBoundary>
            )}
            {tab === 'console' && (
              <ErrorBoundary key="console" id="console" area="the console">
                <RunLog />
              </ErrorBoundary>
            )}
            {tab === 'replay' && (
              <ErrorBoundary key="replay" id="replay" area="the replay">
                <ReplayView />
              </ErrorBoundary>
            )}
          </div>
        </Panel>
        <Separator className="resize-handle" />
        <Panel id="run-inspector" defaultSize="24%" minSize={220} className="run-col">
          <div className="run-inspector-head panel-header">
            <h2 className="panel-title">Inspector</h2>
          </div>
          <div className="run-inspector-body">
            <ErrorBoundary id="inspector" area="the inspector" resetKey={`${run?.id ?? ''}/${selectedNodeId ?? ''}`} onReset={() => selectNode(null, null)}>
              {failed !== undefined && selectedNodeId !== null && <Rethrow error={failed} />}
              <Inspector events={events} node={node} theme={theme} onJumpToSource={jumpToSource} />
            </ErrorBoundary>
          </div>
        </Panel>
      </Group>
    </section>
  );
}
