import { describe, expect, it } from 'vitest';
import type { GraphNode, RunGraph } from '../../graph/types.ts';
import { navigationTarget } from './keyboard-nav.ts';

const phase = (id: string) => ({ kind: 'phase', id, x: 0, y: 0, width: 0, height: 0 }) as unknown as GraphNode;
const handler = (id: string, parentId: string) => ({ kind: 'handler', id, parentId, x: 0, y: 0, width: 0, height: 0 }) as unknown as GraphNode;
const graph: RunGraph = {
  runId: 'r',
  edges: [],
  settled: true,
  nodes: [phase('p1'), handler('a', 'p1'), handler('b', 'p1'), phase('p2'), handler('c', 'p2'), phase('p3')],
};

describe('graph keyboard navigation', () => {
  it('Right/Left follow the reading order across lanes', () => {
    expect(navigationTarget(graph, 'p1', 'ArrowRight')).toBe('a');
    expect(navigationTarget(graph, 'b', 'ArrowRight')).toBe('p2');
    expect(navigationTarget(graph, 'p2', 'ArrowLeft')).toBe('b');
    expect(navigationTarget(graph, 'p1', 'ArrowLeft')).toBeNull();
  });
  it('Down/Up keep the position in the lane, clamped to its length', () => {
    expect(navigationTarget(graph, 'b', 'ArrowDown')).toBe('c');
    expect(navigationTarget(graph, 'c', 'ArrowDown')).toBe('p3');
    expect(navigationTarget(graph, 'c', 'ArrowUp')).toBe('a');
    expect(navigationTarget(graph, 'p1', 'ArrowUp')).toBeNull();
  });
  it('other keys do nothing', () => {
    expect(navigationTarget(graph, 'a', 'x')).toBeNull();
  });
});
