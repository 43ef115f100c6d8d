/**
 * Deterministic left-to-right layout: one column per pipeline step, handlers stacked in listener
 * order inside their phase. Readable at 10 apps; no layout library needed for this shape.
 */
import type { GraphNode } from './types.ts';

export const SIZES = {
  columnGap: 56,
  action: { width: 200, height: 72 },
  outcome: { width: 300, height: 150 },
  host: { width: 150, height: 48 },
  phaseWidth: 240,
  /** A phase no app listens to is drawn narrow: it only says the host passed through it. */
  emptyPhase: { width: 132, height: 64 },
  phaseHeader: 44,
  phasePadding: 12,
  handler: { width: 216, height: 64 },
  handlerGap: 10,
} as const;

/**
 * Phases the host does not await (Post create, Post deleted, Post join) hang below the main line,
 * under the outcome: the action is done before they run.
 */
export function layout(nodes: GraphNode[]): GraphNode[] {
  let x = 0;
  const detached: string[] = [];
  const out: GraphNode[] = [];
  const childCount = new Map<string, number>();
  const phaseX = new Map<string, number>();
  for (const node of nodes) {
    switch (node.kind) {
      case 'action':
        out.push({ ...node, x, y: 24, ...SIZES.action });
        x += SIZES.action.width + SIZES.columnGap;
        break;
      case 'host':
        out.push({ ...node, x, y: 36, ...SIZES.host });
        x += SIZES.host.width + SIZES.columnGap;
        break;
      case 'phase': {
        const empty = !nodes.some((n) => n.parentId === node.id);
        if (empty && node.awaited) {
          out.push({ ...node, x, y: 28, ...SIZES.emptyPhase });
          x += SIZES.emptyPhase.width + SIZES.columnGap;
          break;
        }
        if (!node.awaited) {
          detached.push(node.id);
          out.push({ ...node, x: 0, y: 0, width: SIZES.phaseWidth, height: 0 });
          break;
        }
        phaseX.set(node.id, x);
        out.push({ ...node, x, y: 0, width: SIZES.phaseWidth, height: 0 });
        x += SIZES.phaseWidth + SIZES.columnGap;
        break;
      }
      case 'handler': {
        const parent = node.parentId ?? '';
        const i = childCount.get(parent) ?? 0;
        childCount.set(parent, i + 1);
        out.push({ ...node, x: SIZES.phasePadding, y: SIZES.phaseHeader + i * (SIZES.handler.height + SIZES.handlerGap), ...SIZES.handler });
        break;
      }
      case 'outcome':
        out.push({ ...node, x, y: 12, ...SIZES.outcome });
        break;
    }
  }
  // Phases grow to hold their handlers (at least one empty row).
  const sized = out.map((node) => {
    if (node.kind !== 'phase') return node;
    if (node.width === SIZES.emptyPhase.width) return node;
    const n = Math.max(1, childCount.get(node.id) ?? 0);
    return { ...node, height: SIZES.phaseHeader + n * (SIZES.handler.height + SIZES.handlerGap) + SIZES.phasePadding - SIZES.handlerGap };
  });
  const mainBottom = Math.max(...sized.filter((n) => !n.parentId && !detached.includes(n.id)).map((n) => n.y + n.height));
  let below = mainBottom + SIZES.columnGap;
  return sized.map((node) => {
    if (!detached.includes(node.id)) return node;
    const placed = { ...node, x, y: below };
    below += node.height + SIZES.columnGap;
    return placed;
  });
}
