/**
 * Joining and leaving (spec section 7): RC `joinRoom`, `addUsersToRoom` (with an inviter),
 * `addUserToRoom`, `leaveRoom`, `removeUserFromRoom` (with removedBy) and the function
 * `removeUserFromRoom`. Every refusal is checked before any event fires.
 */
import { runPreMembership } from '../pipeline/loops.ts';
import { toAppRoom, toAppUser } from '../world/convert.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import type { JoinRoomInput, LeaveRoomInput } from './actions.ts';
import { HOST_ERRORS } from './errors.ts';
import { hostErrorFor, type HostRun, type RunResult } from './run-context.ts';
import { checkNotLastOwner, fail, isAdmin, isOwner, requireRoom, requireUser } from './validate.ts';

export async function joinRoom(run: HostRun, input: JoinRoomInput): Promise<RunResult> {
  const { world } = run;
  if (input.inviter !== undefined) return addUsersToRoom(run, input, requireUser(world, input.inviter));
  const user = requireUser(world, input.user);
  const room = requireRoom(world, input.room);
  // A DM never allows joining; a private group only for members (canAccessRoom).
  if (room.type === 'd' || (room.type === 'p' && !world.isMember(room, user.id))) fail(HOST_ERRORS.notAllowed());
  return addUserToRoom(run, room, user, undefined);
}

async function addUsersToRoom(run: HostRun, input: JoinRoomInput, inviter: WorldUser): Promise<RunResult> {
  const { world } = run;
  const room = requireRoom(world, input.room);
  if (room.type === 'd') fail(HOST_ERRORS.cantInviteForDirectRoom());
  // add-user-to-joined-room: admin, owner, moderator (in the room); add-user-to-any-c-room: admin.
  const inRoom = world.isMember(room, inviter.id);
  const allowed = (inRoom && (isAdmin(inviter) || isOwner(room, inviter))) || (room.type === 'c' && isAdmin(inviter));
  if (!allowed) fail(HOST_ERRORS.notAllowed());
  const user = world.userByUsername(input.user) ?? fail(HOST_ERRORS.userNotFound());
  return addUserToRoom(run, room, user, inviter);
}

/** RC `addUserToRoom`: an existing member returns with no event and no error. */
export async function addUserToRoom(run: HostRun, room: WorldRoom, user: WorldUser, inviter: WorldUser | undefined): Promise<RunResult> {
  const { world, scope } = run;
  if (world.isMember(room, user.id)) {
    return run.result('completed', null, room.id, `${user.username} is already a member of ${room.slugifiedName || room.id}: nothing happens, no event fires`);
  }
  const context = membershipContext(run, room, { joiningUser: toAppUser(user), ...(inviter ? { inviter: toAppUser(inviter) } : {}) });
  try {
    await runPreMembership(scope, 'IPreRoomUserJoined', { kind: 'context', context, usernames: world.usernames(room) });
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(error.code === 'error-app-prevented' ? 'prevented' : 'failed', error, room.id, `IPreRoomUserJoined: ${error.code}: ${error.message}; ${user.username} did not join`);
  }
  world.addMember(room.id, user.id);
  systemMessage(run, room, user, inviter ? 'au' : 'uj', inviter);
  scope.emit({ type: 'commit', what: 'member-added', roomId: room.id, room: toAppRoom(world, room), userId: user.id });
  if (room.type === 'c' || room.type === 'p') {
    const after = membershipContext(run, room, { joiningUser: toAppUser(user), ...(inviter ? { inviter: toAppUser(inviter) } : {}) });
    run.postDetached('IPostRoomUserJoined', { kind: 'context', context: after, usernames: world.usernames(room) });
  }
  const how = inviter ? `${inviter.username} added ${user.username} to` : `${user.username} joined`;
  return run.result('completed', null, room.id, `${how} ${room.slugifiedName || room.id}${room.type === 'c' || room.type === 'p' ? '; Post join handlers run on the next tick, not awaited' : ''}`);
}

export async function leaveRoom(run: HostRun, input: LeaveRoomInput): Promise<RunResult> {
  const { world } = run;
  if (input.removedBy !== undefined) return kick(run, input, requireUser(world, input.removedBy));
  const room = requireRoom(world, input.room);
  if (room.type === 'd') fail(HOST_ERRORS.notAllowed());
  const user = requireUser(world, input.user);
  if (!world.isMember(room, user.id)) fail(HOST_ERRORS.youAreNotInThisRoom());
  checkNotLastOwner(room, user);
  return removeUserFromRoom(run, room, user, undefined);
}

/** RC method `removeUserFromRoom` (a kick): the remover needs `remove-user` (admin, owner). */
async function kick(run: HostRun, input: LeaveRoomInput, remover: WorldUser): Promise<RunResult> {
  const { world } = run;
  const room = world.findRoom(input.room);
  if (!room || room.type === 'd' || !(isAdmin(remover) || isOwner(room, remover))) fail(HOST_ERRORS.notAllowed());
  const user = world.userByUsername(input.user);
  if (!user || !world.isMember(room, user.id)) fail(HOST_ERRORS.userIsNotInThisRoom());
  checkNotLastOwner(room, user);
  return removeUserFromRoom(run, room, user, remover);
}

/** Pre leave; remove; Post leave, awaited (spec section 4). */
export async function removeUserFromRoom(run: HostRun, room: WorldRoom, user: WorldUser, removedBy: WorldUser | undefined): Promise<RunResult> {
  const { world, scope } = run;
  const extra = { leavingUser: toAppUser(user), ...(removedBy ? { removedBy: toAppUser(removedBy) } : {}) };
  try {
    await runPreMembership(scope, 'IPreRoomUserLeave', { kind: 'context', context: membershipContext(run, room, extra), usernames: world.usernames(room) });
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(error.code === 'error-app-prevented' ? 'prevented' : 'failed', error, room.id, `IPreRoomUserLeave: ${error.code}: ${error.message}; ${user.username} stays in the room`);
  }
  const wasMember = world.isMember(room, user.id);
  if (wasMember) {
    world.removeMember(room.id, user.id);
    systemMessage(run, room, user, removedBy ? 'ru' : 'ul', removedBy);
    scope.emit({ type: 'commit', what: 'member-removed', roomId: room.id, room: toAppRoom(world, room), userId: user.id });
  }
  const abort = await run.postAwaited('IPostRoomUserLeave', { kind: 'context', context: membershipContext(run, room, extra), usernames: world.usernames(room) });
  if (abort) {
    const error = hostErrorFor(abort, null);
    return run.result('failed', error, room.id, `${user.username} left, then IPostRoomUserLeave threw: the error reaches the caller after the user has already left`);
  }
  const how = removedBy ? `${removedBy.username} removed ${user.username} from` : `${user.username} left`;
  return run.result('completed', null, room.id, `${how} ${room.slugifiedName || room.id}${wasMember ? '' : ' (was not a member: the events fired anyway)'}; the host waited for Post leave`);
}

function membershipContext(run: HostRun, room: WorldRoom, extra: Record<string, unknown>): Record<string, unknown> {
  return { room: toAppRoom(run.world, room) as unknown as Record<string, unknown>, ...extra };
}

function systemMessage(run: HostRun, room: WorldRoom, user: WorldUser, kind: 'uj' | 'au' | 'ul' | 'ru', by: WorldUser | undefined): void {
  const texts = { uj: `${user.username} joined the room`, au: `${by?.username} added ${user.username}`, ul: `${user.username} left the room`, ru: `${by?.username} removed ${user.username}` };
  run.world.addMessage({
    id: run.ids.next('msg'),
    roomId: room.id,
    senderId: (by ?? user).id,
    text: texts[kind],
    system: kind,
    createdAt: new Date(run.clock.now()),
  });
}
