/**
 * Block helpers shared by the message builder and the creator/updater `finish`.
 */
import type { IBlock } from '@rocket.chat/apps-engine/definition/uikit';

export type AnyBlock = IBlock | Record<string, unknown>;

/** A BlockBuilder (the package's, the app's own copy, or any object with getBlocks()). */
export function blocksOf(blocks: unknown): AnyBlock[] {
  if (Array.isArray(blocks)) return blocks as AnyBlock[];
  const getBlocks = (blocks as { getBlocks?: unknown } | null | undefined)?.getBlocks;
  if (typeof getBlocks === 'function') return getBlocks.call(blocks) as AnyBlock[];
  throw new TypeError('blocks must be a BlockBuilder or an array of blocks');
}

/**
 * What Apps-Engine's UIHelper.assignIds does before a message with blocks is sent
 * (RC packages/apps-engine/src/server/misc/UIHelper.ts): every block gets `appId` and
 * `blockId` when missing, every element of `block.elements` an `actionId` when missing.
 */
export function assignIds(blocks: AnyBlock[], appId: string): AnyBlock[] {
  for (const raw of blocks) {
    const block = raw as { appId?: string; blockId?: string; elements?: unknown };
    if (!block.appId) block.appId = appId;
    if (!block.blockId) block.blockId = crypto.randomUUID();
    if (Array.isArray(block.elements)) {
      for (const element of block.elements as { actionId?: string }[]) {
        if (element && !element.actionId) element.actionId = crypto.randomUUID();
      }
    }
  }
  return blocks;
}
