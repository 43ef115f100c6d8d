/**
 * eraseRoom (RC `server/lib/eraseRoom.ts`): the room must exist; `delete-<type>` for who deletes it
 * (room roles count: an owner may delete their room) before any event; Prevent (delete); delete;
 * Post deleted, not awaited, with the room as it was before deletion (spec sections 4, 7, 7.1).
 */
import { runPrevent } from '../pipeline/loops.ts';
import { toAppRoom } from '../world/convert.ts';
import type { DeleteRoomInput } from '../actions.ts';
import { notRun } from './create-room.ts';
import { HOST_ERRORS } from '../errors.ts';
import { hostErrorFor, type HostRun, type RunResult } from './run-context.ts';
import { fail, requirePermission, requireRoom, requireUser } from './validate.ts';

export async function eraseRoom(run: HostRun, input: DeleteRoomInput): Promise<RunResult> {
  const { world, scope } = run;
  const room = requireRoom(world, input.room);
  // `by` omitted: the room's creator deletes it (a direct message has none: say who).
  const byName = input.by ?? world.userById(room.creatorId)?.username;
  if (byName === undefined) fail(HOST_ERRORS.invalidUser(), 'say who deletes the room (`by`): it has no creator to default to');
  const by = requireUser(world, byName);
  // roomCoordinator `canBeDeleted`: hasPermission(uid, `delete-${room.t}`, room._id).
  requirePermission(world, by, `delete-${room.type}`, HOST_ERRORS.notAllowed(), room);
  const before = toAppRoom(world, room) as unknown as Record<string, unknown>;
  const usernames = world.usernames(room);
  try {
    const { preventedBy } = await runPrevent(scope, 'IPreRoomDeletePrevent', { kind: 'room', room: before, usernames });
    if (preventedBy) {
      const name = scope.services.registry.get(preventedBy)?.def.name ?? preventedBy;
      return run.result(
        'prevented',
        HOST_ERRORS.appPreventedDeleting(),
        room.id,
        `${name} prevented the deletion (IPreRoomDeletePrevent returned truthy); ${notRun(run, ['IPostRoomDeleted'])}`,
      );
    }
  } catch (abort) {
    // On delete an AppsEngineException is not mapped to an app error (spec section 5).
    const error = hostErrorFor(abort, null);
    return run.result(
      'failed',
      error,
      room.id,
      `IPreRoomDeletePrevent: ${error.code}: ${error.message} (not mapped by the host: a client sees an internal error); the room was not deleted`,
    );
  }
  world.deleteRoom(room.id);
  scope.emit({ type: 'commit', what: 'room-deleted', roomId: room.id, room: before });
  run.postDetached('IPostRoomDeleted', { kind: 'room', room: before, usernames: [] });
  return run.result(
    'completed',
    null,
    room.id,
    `room ${room.slugifiedName || room.id} was deleted by ${by.username}; Post deleted handlers run without the host waiting`,
  );
}
