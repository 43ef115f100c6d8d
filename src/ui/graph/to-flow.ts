/** Maps the library-free RunGraph onto @xyflow/react nodes and edges. */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, RunGraph } from '../../graph/types.ts';

export type FlowNodeData = { node: GraphNode; selected: boolean; dimmed: boolean };
export type FlowNode = Node<FlowNodeData>;

export function toFlowNodes(graph: RunGraph, selectedId: string | null): FlowNode[] {
  return graph.nodes.map((node) => {
    const flow: FlowNode = {
      id: node.id,
      type: node.kind,
      position: { x: node.x, y: node.y },
      data: { node, selected: node.id === selectedId, dimmed: false },
      style: { width: node.width, height: node.height },
      draggable: false,
      connectable: false,
      selectable: node.kind === 'handler' || node.kind === 'outcome' || node.kind === 'phase',
      focusable: true,
      ariaLabel: ariaLabelOf(node),
    };
    if (node.parentId) {
      flow.parentId = node.parentId;
      flow.extent = 'parent';
    }
    return flow;
  });
}

function ariaLabelOf(node: GraphNode): string {
  switch (node.kind) {
    case 'handler':
      return `${node.appName} ${node.method}: ${node.state}, ${node.detail}`;
    case 'phase':
      return `${node.label} phase: ${node.state}${node.awaited ? '' : ', not awaited by the host'}`;
    case 'outcome':
      return `Outcome: ${node.state}. ${node.summary}`;
    case 'host':
      return `Host step ${node.label}: ${node.state}`;
    case 'action':
      return `Action: ${node.label}`;
  }
}

const EDGE_CLASS: Record<GraphEdge['style'], string> = {
  flow: 'hs-edge-flow',
  detached: 'hs-edge-detached',
  sequence: 'hs-edge-sequence',
  cause: 'hs-edge-cause',
};

export function toFlowEdges(graph: RunGraph): Edge[] {
  return graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.style === 'sequence' ? 'straight' : 'smoothstep',
    className: `${EDGE_CLASS[e.style]} ${e.taken ? 'hs-edge-taken' : 'hs-edge-idle'}`,
    animated: e.style === 'detached' && e.taken,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    ...(e.style === 'sequence' ? { sourceHandle: 'bottom', targetHandle: 'top' } : {}),
    ...(e.style === 'cause' ? { label: 'decided here', sourceHandle: 'right' } : {}),
    focusable: false,
    selectable: false,
  }));
}
