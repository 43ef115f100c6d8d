/**
 * Maps the library-free RunGraph onto @xyflow/react nodes and edges. The action and the outcome
 * are not canvas nodes (the view pins them), so edges to them are not drawn either.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { STATE_LABEL } from '../../graph/labels.ts';
import type { GraphEdge, GraphNode, RunGraph } from '../../graph/types.ts';

export type FlowNodeData = { node: GraphNode; selected: boolean; dimmed: boolean; hasChildren: boolean };
export type FlowNode = Node<FlowNodeData>;

const ON_CANVAS = new Set<GraphNode['kind']>(['phase', 'handler', 'host']);

/**
 * The flow nodes of the previous projection, by id, with what they were built from: a node whose
 * graph node did not change is handed to React Flow as the same object, so React Flow keeps its
 * internal node (and its measurements) and the node's view does not re-render.
 */
export type FlowNodeCache = Map<string, { key: string; flow: FlowNode }>;

export function toFlowNodes(graph: RunGraph, selectedId: string | null, cache?: FlowNodeCache): FlowNode[] {
  const parents = new Set(graph.nodes.map((n) => n.parentId).filter(Boolean));
  const seen = new Set<string>();
  const out = graph.nodes
    .filter((node) => ON_CANVAS.has(node.kind))
    .map((node) => {
      const selected = node.id === selectedId;
      const hasChildren = parents.has(node.id);
      const key = cache ? `${selected ? 1 : 0}${hasChildren ? 1 : 0}${JSON.stringify(node)}` : '';
      seen.add(node.id);
      const known = cache?.get(node.id);
      if (known && known.key === key) return known.flow;
      const flow: FlowNode = {
        id: node.id,
        type: node.kind,
        position: { x: node.x, y: node.y },
        data: { node, selected, dimmed: false, hasChildren },
        style: { width: node.width, height: node.height },
        draggable: false,
        connectable: false,
        selectable: node.kind === 'handler' || node.kind === 'phase',
        focusable: node.kind === 'handler' || node.kind === 'phase',
        // A handler is named by its visible text (axe: label-content-name-mismatch) plus a hidden method.
        ...(node.kind === 'handler' ? { ariaRole: 'button' as const } : { ariaLabel: ariaLabelOf(node) }),
      };
      if (node.parentId) {
        flow.parentId = node.parentId;
        flow.extent = 'parent';
      }
      cache?.set(node.id, { key, flow });
      return flow;
    });
  if (cache) for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

export function ariaLabelOf(node: GraphNode): string {
  switch (node.kind) {
    case 'handler':
      return `${node.appName}, ${node.method}: ${STATE_LABEL[node.state]}, ${node.says}${node.decisive ? ', decided here' : ''}`;
    case 'phase':
      return `${node.label} phase (${node.event}): ${node.state}${node.awaited ? '' : ', not awaited by the host'}${node.summary ? `, ${node.summary}` : ''}`;
    case 'outcome':
      return `Outcome: ${node.state}. ${node.why.join(' ')}`;
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

/** The edges of the previous projection, by id, with what they were built from (see {@link FlowNodeCache}). */
export type FlowEdgeCache = Map<string, { key: string; edge: Edge }>;

export function toFlowEdges(graph: RunGraph, cache?: FlowEdgeCache): Edge[] {
  const edges = buildEdges(graph);
  if (!cache) return edges;
  const seen = new Set<string>();
  const out = edges.map((edge) => {
    const key = JSON.stringify(edge);
    seen.add(edge.id);
    const known = cache.get(edge.id);
    if (known && known.key === key) return known.edge;
    cache.set(edge.id, { key, edge });
    return edge;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

function buildEdges(graph: RunGraph): Edge[] {
  const kind = new Map(graph.nodes.map((n) => [n.id, n]));
  const drawn = (id: string) => ON_CANVAS.has(kind.get(id)?.kind ?? 'action');
  return graph.edges
    .filter((e) => e.style !== 'cause' && drawn(e.source) && drawn(e.target))
    .map((e) => {
      // Lanes follow each other downwards; a not-awaited phase beside its host step is to the right.
      const source = kind.get(e.source);
      const target = kind.get(e.target);
      const sideways = e.style === 'sequence' || (source && target && source.y === target.y && !source.parentId && !target.parentId);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        type: sideways ? 'straight' : 'smoothstep',
        className: `${EDGE_CLASS[e.style]} ${e.taken ? 'hs-edge-taken' : 'hs-edge-idle'}`,
        animated: e.style === 'detached' && e.taken,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
        ...(sideways ? {} : { sourceHandle: 'bottom', targetHandle: 'top' }),
        focusable: false,
        selectable: false,
      };
    });
}
