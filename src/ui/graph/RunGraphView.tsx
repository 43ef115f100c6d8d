/**
 * The live flow graph of one run. A pure view of `projectRun(trace, cursor)`: a header with the
 * action, the lanes on a canvas that fits at a readable zoom (scrolls when it cannot), and the
 * outcome card pinned beside it so the answer and its "why" never leave the view. Keyboard:
 * Tab reaches the nodes, arrows move between them, Enter or Space opens one in the inspector.
 */
import { FocusToggle } from '../run/FocusToggle.tsx';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ActionNode, HandlerNode, OutcomeNode, RunGraph } from '../../graph/types.ts';
import { useStore } from '../../state/store.ts';
import { breakable } from '../breakable.tsx';
import { navigationTarget } from './keyboard-nav.ts';
import { NODE_TYPES } from './nodes.tsx';
import { toFlowEdges, toFlowNodes, type FlowEdgeCache, type FlowNodeCache } from './to-flow.ts';
import './graph.css';

export interface RunGraphViewProps {
  graph: RunGraph | null;
  selectedNodeId: string | null;
  onSelectNode(id: string | null): void;
  /** 'dark' | 'light': passed to React Flow's colour mode. */
  theme: 'dark' | 'light';
  /** Fit the whole run whatever the zoom (small side-by-side views); default: keep text readable. */
  fitAll?: boolean;
}

/** The smallest text on the canvas (CSS px, graph.css): the fit never scales it below 12 px. */
const SMALLEST_TEXT = 13;
/** Presenter mode: 18 px on screen, through the run area's CSS zoom (presenter.css). */
const PRESENTER_CSS_ZOOM = 1.22;
export function readableZoom(presenter: boolean): number {
  return presenter ? 18 / (SMALLEST_TEXT * PRESENTER_CSS_ZOOM) : 12 / SMALLEST_TEXT;
}

/** The zoom range a fit may choose: readable text (or everything, for the small side-by-side views). */
function useFitBounds(fitAll: boolean | undefined): { minFit: number; maxFit: number } {
  const presenter = useStore((s) => s.presenter);
  const minFit = fitAll ? 0.1 : readableZoom(presenter) + 0.005;
  return { minFit, maxFit: fitAll ? 1 : minFit * 1.3 };
}

function Inner({ graph, selectedNodeId, onSelectNode, theme, fitAll }: RunGraphViewProps & { graph: RunGraph }) {
  const { minFit, maxFit } = useFitBounds(fitAll);
  const nodeCache = useRef<FlowNodeCache>(new Map());
  const nodes = useMemo(() => toFlowNodes(graph, selectedNodeId, nodeCache.current), [graph, selectedNodeId]);
  const edgeCache = useRef<FlowEdgeCache>(new Map());
  const edges = useMemo(() => toFlowEdges(graph, edgeCache.current), [graph]);
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const shapeKey = graph.runId + ':' + graph.nodes.length;
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      void flow.fitView({ padding: 0.04, duration: 0, minZoom: minFit, maxZoom: maxFit }).then(() => {
        // Too big to fit readably: start at the top left (the first phase), the rest scrolls.
        const zoom = flow.getZoom();
        if (zoom <= minFit + 0.001) void flow.setViewport({ x: 10, y: 10, zoom });
      });
    });
    return () => cancelAnimationFrame(id);
  }, [shapeKey, flow, minFit, maxFit]);
  // Brings a node into view (keeping the zoom) when it is not: a node selected from outside the
  // graph (a console line, the outcome card), or focused with Tab or the arrow keys.
  const reveal = useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? 0;
      const height = node.measured.height ?? 0;
      const { width: paneWidth, height: paneHeight } = flowStore.getState();
      const view = flow.getViewport();
      const left = x * view.zoom + view.x;
      const top = y * view.zoom + view.y;
      const inside = left >= 0 && top >= 0 && left + width * view.zoom <= paneWidth && top + height * view.zoom <= paneHeight;
      if (!inside) void flow.setCenter(x + width / 2, y + height / 2, { zoom: view.zoom, duration: 0 });
    },
    [flow, flowStore],
  );
  useEffect(() => {
    if (selectedNodeId) reveal(selectedNodeId);
  }, [selectedNodeId, reveal]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const id = el?.dataset['id'];
      if (!id) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelectNode(id);
        return;
      }
      const next = navigationTarget(graph, id, e.key);
      if (!next) return;
      e.preventDefault();
      e.stopPropagation();
      e.currentTarget.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`)?.focus();
    },
    [graph, onSelectNode],
  );
  return (
    <div
      className="hs-graph-canvas"
      onKeyDownCapture={onKeyDown}
      onFocus={(e) => {
        const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset['id'];
        if (id) reveal(id);
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.04, minZoom: minFit, maxZoom: maxFit }}
        minZoom={Math.min(0.2, minFit)}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        panOnScroll
        zoomOnScroll={false}
        onNodeClick={(_, node) => onSelectNode(node.id)}
        onPaneClick={() => onSelectNode(null)}
        proOptions={{ hideAttribution: true }}
        aria-label="Pipeline of the run: phases top to bottom, apps left to right in the order Rocket.Chat calls them"
      >
        <Background gap={24} size={1} />
      </ReactFlow>
    </div>
  );
}

/** Zoom in, out and fit, in the header row: outside the canvas, so they never cover a lane. */
function ZoomControls({ fitAll }: { fitAll: boolean | undefined }) {
  const { minFit, maxFit } = useFitBounds(fitAll);
  return (
    <Controls
      className="hs-graph-zoom"
      orientation="horizontal"
      showInteractive={false}
      fitViewOptions={{ padding: 0.04, minZoom: minFit, maxZoom: maxFit }}
      aria-label="Zoom the graph"
    />
  );
}

function GraphHeader({ action, fitAll }: { action: ActionNode | undefined; fitAll: boolean | undefined }) {
  return (
    <div className="hs-graph-head">
      {action && (
        <div className="hs-graph-head-action" data-testid="graph-node-action">
          <span className="hs-graph-head-kicker">action</span>
          <span className="hs-graph-head-title">{action.label}</span>
          <span className="hs-graph-head-sub" data-testid="graph-action-profile">
            {action.origin} · profile {action.profile}
          </span>
        </div>
      )}
      <div className="hs-graph-head-tools">
        <ZoomControls fitAll={fitAll} />
        {!fitAll && <FocusToggle />}
      </div>
    </div>
  );
}

function OutcomeCard({
  outcome,
  decisive,
  selected,
  onSelectNode,
}: {
  outcome: OutcomeNode;
  decisive: HandlerNode | undefined;
  selected: boolean;
  onSelectNode(id: string): void;
}) {
  const title = outcome.state === 'pending' ? 'running…' : outcome.state;
  return (
    <aside
      className={`hs-outcome-card hs-outcome-${outcome.state}${selected ? ' hs-selected' : ''}`}
      data-testid="graph-outcome"
      data-state={outcome.state}
      aria-label="Outcome of the run"
    >
      <button
        type="button"
        className="hs-outcome-head"
        onClick={() => onSelectNode('outcome')}
        title="Open the outcome in the inspector: what the host applied and committed"
      >
        <span className="hs-outcome-kicker">outcome</span>
        <span className="hs-outcome-title">{title}</span>
      </button>
      <div className="hs-outcome-why" data-testid="graph-outcome-why">
        {(outcome.why.length ? outcome.why : [outcome.summary]).map((s, i) =>
          i === 0 && decisive ? (
            <button
              key={i}
              type="button"
              className="hs-outcome-decider"
              data-testid="graph-outcome-decider"
              title={`Open ${decisive.appName} in the inspector`}
              onClick={() => onSelectNode(decisive.id)}
            >
              {breakable(s)}
            </button>
          ) : (
            <p key={i}>{breakable(s)}</p>
          ),
        )}
      </div>
      {outcome.notices.length > 0 && (
        <div className="hs-outcome-notice" role="note" data-testid="graph-outcome-notice">
          ⚠ {outcome.notices.length === 1 ? 'a handler failed but the host went on' : `${outcome.notices.length} handlers failed but the host went on`}
        </div>
      )}
      {outcome.was && (
        <div className="hs-was" data-testid="graph-outcome-was">
          {outcome.was}
        </div>
      )}
      {outcome.error && <div className="hs-outcome-error hs-mono" data-testid="graph-outcome-error">{`${outcome.error.code}: ${outcome.error.message}`}</div>}
    </aside>
  );
}

/** The canvas for a run; the empty state (no run yet) is RunGraph.tsx's, shown before this loads. */
export function RunGraphView(props: RunGraphViewProps & { graph: RunGraph }) {
  const { graph } = props;
  const action = graph.nodes.find((n): n is ActionNode => n.kind === 'action');
  const outcome = graph.nodes.find((n): n is OutcomeNode => n.kind === 'outcome');
  const decisive = graph.nodes.find((n): n is HandlerNode => n.kind === 'handler' && n.id === outcome?.responsible);
  return (
    <ReactFlowProvider>
      <div className={`hs-graph${props.fitAll ? ' hs-graph-small' : ''}`} data-testid="run-graph" data-run-id={graph.runId}>
        <GraphHeader action={action} fitAll={props.fitAll} />
        <div className="hs-graph-body">
          <Inner {...props} graph={graph} />
          {outcome && <OutcomeCard outcome={outcome} decisive={decisive} selected={props.selectedNodeId === 'outcome'} onSelectNode={props.onSelectNode} />}
        </div>
      </div>
    </ReactFlowProvider>
  );
}
