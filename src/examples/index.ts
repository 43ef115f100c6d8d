/**
 * The examples gallery: ready workspaces, each with a one-line explanation, the actions to try
 * and the outcome each promises. Together they cover all ten interfaces and the surprising rules
 * of the spec; src/examples/examples.integration.test.ts runs every one, so none can rot.
 */
import { archiveBeforeDelete, postDeleted } from './delete-examples.ts';
import { extendDescription, extendThenModify, modifyReturnsNothing, postCreateNotAwaited } from './chain-examples.ts';
import { exceptionWithoutMessage, guestBlocked, leaveRules, welcomeOnJoin, whoMayKickWhom } from './membership-examples.ts';
import { bannedWords, loopsForever, preventOrder } from './prevent-examples.ts';
import type { Example } from './types.ts';

export type { Example } from './types.ts';

export const EXAMPLES: Example[] = [
  bannedWords,
  preventOrder,
  extendThenModify,
  modifyReturnsNothing,
  extendDescription,
  postCreateNotAwaited,
  guestBlocked,
  welcomeOnJoin,
  leaveRules,
  exceptionWithoutMessage,
  whoMayKickWhom,
  archiveBeforeDelete,
  postDeleted,
  loopsForever,
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
