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
  lanePadding: 8,
  laneGap: 14,
  handler: { width: 208, height: 66 },
  handlerGap: 22,
  /** A phase no app listens to: one thin lane. */
  emptyLane: { width: 330, height: 38 },
  host: { width: 220, height: 36 },
  /** Kept for the (unlaid) action and outcome boxes. */
  action: { width: 0, height: 0 },
  outcome: { width: 0, height: 0 },
} as const;

export function layout(nodes: GraphNode[]): GraphNode[] {
  const children = new Map<string, number>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, (children.get(n.parentId) ?? 0) + 1);
  const index = new Map<string, number>();
  let y = 0;
  const out: GraphNode[] = [];
  for (const node of nodes) {
    switch (node.kind) {
      case 'action':
      case 'outcome':
        out.push({ ...node, x: 0, y: 0, width: 0, height: 0 });
        break;
      case 'host':
        out.push({ ...node, x: 0, y, ...SIZES.host });
        y += SIZES.host.height + SIZES.laneGap;
        break;
      case 'phase': {
        const n = children.get(node.id) ?? 0;
        if (n === 0) {
          out.push({ ...node, x: 0, y, ...SIZES.emptyLane });
          y += SIZES.emptyLane.height + SIZES.laneGap;
          break;
        }
        const width = SIZES.laneLabel + n * SIZES.handler.width + (n - 1) * SIZES.handlerGap + SIZES.lanePadding;
        const height = SIZES.handler.height + 2 * SIZES.lanePadding;
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
