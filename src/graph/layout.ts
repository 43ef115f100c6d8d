/**
 * Deterministic top-to-bottom lane layout: one lane per pipeline step in the host's order, the
 * handlers of a phase side by side in listener order. A laptop's graph pane is wide and short, so
 * phases stack and apps spread sideways; a phase with many apps scrolls sideways, never shrinks
 * its text. The action and the outcome are not laid out: the view shows them pinned (header and
 * outcome card), so they stay in view however the lanes are scrolled.
 */
import type { GraphNode } from './types.ts';

export const SIZES = {
  /** The lane's label column (phase name, event). */
  laneLabel: 124,
  lanePadding: 6,
  laneGap: 8,
  handler: { width: 200, height: 66 },
  handlerGap: 22,
  /** A phase no app listens to: one thin lane (a not-awaited one shows no badge: nothing to wait for). */
  emptyLane: { width: 300, height: 38 },
  /** A not-awaited phase with handlers is this much taller: its label column also holds the "not awaited" badge. */
  detachedBadge: 14,
  /** Wide enough for "✓ subscribe user" whole. */
  host: { width: 176, height: 38 },
  /** Between a host step and the not-awaited phase drawn on its row. */
  hostGap: 24,
  /** Kept for the (unlaid) action and outcome boxes. */
  action: { width: 0, height: 0 },
  outcome: { width: 0, height: 0 },
} as const;

/**
 * A phase the host does not await (Post create, Post deleted, Post join) right after a host step
 * sits on that step's row, to its right: the host fires it and is done.
 */
export function layout(nodes: GraphNode[]): GraphNode[] {
  const children = new Map<string, number>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, (children.get(n.parentId) ?? 0) + 1);
  const index = new Map<string, number>();
  let y = 0;
  let hostRow: { y: number; height: number } | null = null;
  const out: GraphNode[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'action':
      case 'outcome':
        out.push({ ...node, x: 0, y: 0, width: 0, height: 0 });
        break;
      case 'host':
        out.push({ ...node, x: 0, y, ...SIZES.host });
        hostRow = { y, height: SIZES.host.height };
        y += SIZES.host.height + SIZES.laneGap;
        break;
      case 'phase': {
        const n = children.get(node.id) ?? 0;
        const width = n === 0 ? SIZES.emptyLane.width : SIZES.laneLabel + n * SIZES.handler.width + (n - 1) * SIZES.handlerGap + SIZES.lanePadding;
        const height = n === 0 ? SIZES.emptyLane.height : SIZES.handler.height + 2 * SIZES.lanePadding + (node.awaited ? 0 : SIZES.detachedBadge);
        if (!node.awaited && hostRow) {
          // Beside the host step: the row grows to the taller of the two.
          out.push({ ...node, x: SIZES.host.width + SIZES.hostGap, y: hostRow.y, width, height });
          const grown = Math.max(hostRow.height, height);
          y += grown - hostRow.height;
          hostRow = null;
          break;
        }
        hostRow = null;
        out.push({ ...node, x: 0, y, width, height });
        y += height + SIZES.laneGap;
        break;
      }
      case 'handler': {
        const parent = node.parentId ?? '';
        const i = index.get(parent) ?? 0;
        index.set(parent, i + 1);
        out.push({ ...node, x: SIZES.laneLabel + i * (SIZES.handler.width + SIZES.handlerGap), y: SIZES.lanePadding, ...SIZES.handler });
        break;
      }
    }
  }
  return out;
}
