/**
 * The live flow graph of one run. A pure view of `projectRun(trace, cursor)`: selecting a node
 * reports it; the outcome's responsible handler is linked by a "decided here" edge.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import type { RunGraph } from '../../graph/types.ts';
import { NODE_TYPES } from './nodes.tsx';
import { toFlowEdges, toFlowNodes } from './to-flow.ts';
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

/** Below this zoom node text is unreadable: a wide run is shown at this zoom and can be panned. */
const MIN_FIT_ZOOM = 0.55;

function Inner({ graph, selectedNodeId, onSelectNode, theme, fitAll }: RunGraphViewProps & { graph: RunGraph }) {
  const minFit = fitAll ? 0.1 : MIN_FIT_ZOOM;
  const nodes = useMemo(() => toFlowNodes(graph, selectedNodeId), [graph, selectedNodeId]);
  const edges = useMemo(() => toFlowEdges(graph), [graph]);
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const shapeKey = graph.runId + ':' + graph.nodes.length;
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      void flow.fitView({ padding: 0.06, duration: 0, minZoom: minFit }).then(() => {
        // Too wide to fit readably: start at the action (left), the rest is a pan away.
        const zoom = flow.getZoom();
        if (zoom <= minFit + 0.001) void flow.setViewport({ x: 12, y: 12, zoom });
      });
    });
    return () => cancelAnimationFrame(id);
  }, [shapeKey, flow, minFit]);
  // A node selected from outside the graph (the toolbar's outcome, a console line) is brought into view.
  useEffect(() => {
    if (!selectedNodeId) return;
    const node = flow.getInternalNode(selectedNodeId);
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
  }, [selectedNodeId, flow, flowStore]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      colorMode={theme}
      fitView
      fitViewOptions={{ padding: 0.06, minZoom: minFit }}
      minZoom={Math.min(0.2, minFit)}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      onNodeClick={(_, node) => onSelectNode(node.id)}
      onPaneClick={() => onSelectNode(null)}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-right" />
    </ReactFlow>
  );
}

export function RunGraphView(props: RunGraphViewProps) {
  if (!props.graph) {
    return (
      <div className="hs-graph-empty" data-testid="graph-empty">
        Run an action to see its pipeline here: every handler, in the order Rocket.Chat calls them.
      </div>
    );
  }
  return (
    <div className="hs-graph" data-testid="run-graph" data-run-id={props.graph.runId}>
      <ReactFlowProvider>
        <Inner {...props} graph={props.graph} />
      </ReactFlowProvider>
    </div>
  );
}
