/**
 * Arrow-key moves between graph nodes (pure): Left/Right go along the reading order (a lane,
 * then its apps in listener order), Up/Down go to the same position in the lane above/below.
 */
import type { RunGraph } from '../../graph/types.ts';

/** Lanes in order, each [phase id, ...handler ids]; host steps are not focusable. */
export function lanesOf(graph: RunGraph): string[][] {
  const lanes: string[][] = [];
  for (const n of graph.nodes) {
    if (n.kind === 'phase') lanes.push([n.id]);
    else if (n.kind === 'handler') lanes.find((l) => l[0] === n.parentId)?.push(n.id);
  }
  return lanes;
}

export function navigationTarget(graph: RunGraph, from: string, key: string): string | null {
  const lanes = lanesOf(graph);
  const li = lanes.findIndex((l) => l.includes(from));
  if (li < 0) return null;
  const lane = lanes[li]!;
  const i = lane.indexOf(from);
  const flat = lanes.flat();
  const at = flat.indexOf(from);
  switch (key) {
    case 'ArrowRight':
      return flat[at + 1] ?? null;
    case 'ArrowLeft':
      return at > 0 ? (flat[at - 1] ?? null) : null;
    case 'ArrowDown': {
      const next = lanes[li + 1];
      return next ? (next[Math.min(i, next.length - 1)] ?? null) : null;
    }
    case 'ArrowUp': {
      const prev = lanes[li - 1];
      return prev ? (prev[Math.min(i, prev.length - 1)] ?? null) : null;
    }
    case 'Home':
      return flat[0] ?? null;
    case 'End':
      return flat[flat.length - 1] ?? null;
    default:
      return null;
  }
}
