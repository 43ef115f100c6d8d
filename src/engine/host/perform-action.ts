/** Runs one host action: the right flow, and a refusal before any event becomes the outcome. */
import { describeAction, type ActionInput } from '../actions.ts';
import { createRoom } from './create-room.ts';
import { eraseRoom } from './erase-room.ts';
import { HostFailure } from '../errors.ts';
import { joinRoom, leaveRoom } from './membership.ts';
import type { HostRun, RunResult } from './run-context.ts';

export async function performAction(run: HostRun, action: ActionInput): Promise<RunResult> {
  try {
    switch (action.action) {
      case 'createRoom':
        return await createRoom(run, action);
      case 'deleteRoom':
        return await eraseRoom(run, action);
      case 'joinRoom':
        return await joinRoom(run, action);
      case 'leaveRoom':
        return await leaveRoom(run, action);
    }
  } catch (err) {
    if (err instanceof HostFailure) {
      return run.result(
        'failed',
        err.error,
        null,
        `refused before any event fired: ${err.error.code}: ${err.error.message} (${describeAction(action)})${err.why ? `: ${err.why}` : ''}`,
      );
    }
    throw err;
  }
}
