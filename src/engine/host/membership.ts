/**
 * Joining and leaving (spec sections 7, 7.1): RC `joinRoom`, `addUsersToRoom` (with an inviter),
 * `addUserToRoom`, `leaveRoomMethod`, `removeUserFromRoomMethod` (a kick, with removedBy) and the
 * function `removeUserFromRoom`. Every refusal is checked before any event fires, in RC's order,
 * through the permission table (`world/permissions.ts`): no role name is tested here.
 */
import { runPreMembership } from '../pipeline/loops.ts';
import { toAppRoom, toAppUser } from '../world/convert.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import type { JoinRoomInput, LeaveRoomInput } from '../actions.ts';
import { HOST_ERRORS } from '../errors.ts';
import { hostErrorFor, type HostRun, type RunResult } from './run-context.ts';
import { accessDenied, can, canAccessRoom, checkNotLastOwner, fail, lacks, requirePermission, requireRoom, requireUser } from './validate.ts';

const roomName = (room: WorldRoom) => room.slugifiedName || room.id;

/** RC `joinRoom` (app/lib/server/methods/joinRoom.ts): user, room, the room type allows joining, canAccessRoom. */
export async function joinRoom(run: HostRun, input: JoinRoomInput): Promise<RunResult> {
  const { world } = run;
  if (input.inviter !== undefined) return addUsersToRoom(run, input, requireUser(world, input.inviter));
  const user = requireUser(world, input.user);
  const room = requireRoom(world, input.room);
  // roomCoordinator `allowMemberAction(JOIN)`: a direct message allows no member action.
  if (room.type === 'd') fail(HOST_ERRORS.notAllowed(), 'a direct message cannot be joined (allowMemberAction)');
  if (!canAccessRoom(world, room, user)) fail(HOST_ERRORS.notAllowed(), accessDenied(world, room, user));
  return addUserToRoom(run, room, user, undefined);
}

/** RC `addUsersToRoomMethod` (app/lib/server/methods/addUsersToRoom.ts). */
async function addUsersToRoom(run: HostRun, input: JoinRoomInput, inviter: WorldUser): Promise<RunResult> {
  const { world } = run;
  const room = requireRoom(world, input.room);
  const inRoom = world.isMember(room, inviter.id);
  if (room.type === 'd') fail(HOST_ERRORS.cantInviteForDirectRoom());
  const allowed =
    (inRoom && can(world, inviter, 'add-user-to-joined-room', room)) ||
    (room.type === 'c' && can(world, inviter, 'add-user-to-any-c-room')) ||
    (room.type === 'p' && can(world, inviter, 'add-user-to-any-p-room'));
  if (!allowed) {
    const anyRoom = room.type === 'c' ? 'add-user-to-any-c-room' : 'add-user-to-any-p-room';
    const joined = inRoom ? lacks(world, inviter, 'add-user-to-joined-room', room) : `${inviter.username} is not in the room`;
    fail(HOST_ERRORS.notAllowed(), `${joined}, and ${lacks(world, inviter, anyRoom)}`);
  }
  const user = world.userByUsername(input.user) ?? fail(HOST_ERRORS.invalidUsername(), `there is no user "${input.user}"`);
  if (world.isMember(room, user.id)) {
    // RC sends the inviter an ephemeral "Username_is_already_in_here" and calls nothing else.
    return run.result(
      'completed',
      null,
      room.id,
      `${user.username} is already in ${roomName(room)}: ${inviter.username} gets an ephemeral "already in here" message; no event fires`,
    );
  }
  return addUserToRoom(run, room, user, inviter);
}

/**
 * RC `addUserToRoom`. A direct message allows neither JOIN nor INVITE: it returns with no event.
 * Before the node runtime an existing member returned at once (no event, no error); since
 * `server/lib/rooms/addUserToRoom.ts` (profile switch `preJoinBeforeMemberCheck`) Pre join fires
 * first, an app can block it, and then the function returns with no Post join.
 */
export async function addUserToRoom(run: HostRun, room: WorldRoom, user: WorldUser, inviter: WorldUser | undefined): Promise<RunResult> {
  const { world, scope } = run;
  const profile = scope.services.profile();
  if (room.type === 'd') return run.result('completed', null, room.id, `a direct message allows no one to be added: nothing happens, no event fires`);
  const member = world.isMember(room, user.id);
  if (member && !profile.preJoinBeforeMemberCheck) {
    return run.result('completed', null, room.id, `${user.username} is already a member of ${roomName(room)}: nothing happens, no event fires`);
  }
  const context = membershipContext(run, room, { joiningUser: toAppUser(user), ...(inviter ? { inviter: toAppUser(inviter) } : {}) });
  try {
    await runPreMembership(scope, 'IPreRoomUserJoined', { kind: 'context', context, usernames: world.usernames(room) });
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(
      error.code === 'error-app-prevented' ? 'prevented' : 'failed',
      error,
      room.id,
      `IPreRoomUserJoined: ${error.code}: ${error.message}; ${user.username} did not join`,
    );
  }
  if (member) {
    return run.result(
      'completed',
      null,
      room.id,
      `${profile.id} (spec §8): ${user.username} is already a member of ${roomName(room)}; Pre join fired first (addUserToRoom checks membership after it), then nothing else happens: no Post join`,
    );
  }
  world.addMember(room.id, user.id);
  // RC `addUserToRoom.ts`: 'au' when someone added the user, 'ut' (joined the thread/discussion) when the room is a discussion (`prid`), else 'uj'.
  systemMessage(run, room, user, inviter ? 'au' : room.parentRoomId !== undefined ? 'ut' : 'uj', inviter);
  scope.emit({ type: 'commit', what: 'member-added', roomId: room.id, room: toAppRoom(world, room), userId: user.id });
  const postJoin = room.type === 'c' || room.type === 'p';
  if (postJoin) {
    const after = membershipContext(run, room, { joiningUser: toAppUser(user), ...(inviter ? { inviter: toAppUser(inviter) } : {}) });
    run.postDetached('IPostRoomUserJoined', { kind: 'context', context: after, usernames: world.usernames(room) });
  }
  const how = inviter ? `${inviter.username} added ${user.username} to` : `${user.username} joined`;
  return run.result('completed', null, room.id, `${how} ${roomName(room)}${postJoin ? '; Post join handlers run on the next tick, not awaited' : ''}`);
}

/** RC `leaveRoomMethod`: room, the type allows leaving, `leave-c` / `leave-p`, member, not the last owner. */
export async function leaveRoom(run: HostRun, input: LeaveRoomInput): Promise<RunResult> {
  const { world } = run;
  if (input.removedBy !== undefined) return kick(run, input, requireUser(world, input.removedBy));
  const room = requireRoom(world, input.room);
  const user = requireUser(world, input.user);
  if (room.type === 'd') fail(HOST_ERRORS.notAllowed(), 'a direct message cannot be left (allowMemberAction)');
  if (room.type === 'c' || room.type === 'p') requirePermission(world, user, `leave-${room.type}`, HOST_ERRORS.notAllowed());
  if (!world.isMember(room, user.id)) fail(HOST_ERRORS.youAreNotInThisRoom(), `${user.username} is not a member of ${roomName(room)}`);
  checkNotLastOwner(room, user);
  return removeUserFromRoom(run, room, user, undefined);
}

/**
 * RC `removeUserFromRoomMethod` (server/methods/removeUserFromRoom.ts), in its order: `remove-user`
 * (room roles count); the room exists and allows removing; `kick-user-from-any-<c|p>-room` skips
 * the access and membership checks; canAccessRoom (`error-room-not-found`); membership; last owner;
 * then Pre leave with removedBy, remove, system message, Post leave (awaited).
 */
async function kick(run: HostRun, input: LeaveRoomInput, remover: WorldUser): Promise<RunResult> {
  const { world } = run;
  const room = world.findRoom(input.room);
  requirePermission(world, remover, 'remove-user', HOST_ERRORS.notAllowed(), room);
  if (!room) fail(HOST_ERRORS.notAllowed(), `there is no room "${input.room}"`);
  if (room.type === 'd') fail(HOST_ERRORS.notAllowed(), 'no one can be removed from a direct message (allowMemberAction)');
  const kickAny = `kick-user-from-any-${room.type === 'c' ? 'c' : 'p'}-room`;
  const canKickAny = can(world, remover, kickAny);
  if (!canKickAny && !canAccessRoom(world, room, remover)) fail(HOST_ERRORS.roomNotFound(), accessDenied(world, room, remover));
  const user = world.userByUsername(input.user);
  // RC reads `removedUser._id` without checking the user exists: an internal error, not a mapped one.
  if (!user)
    fail(
      HOST_ERRORS.unmapped('TypeError', "Cannot read properties of null (reading '_id')"),
      `there is no user "${input.user}": RC does not check, the method crashes`,
    );
  if (!canKickAny && !world.isMember(room, user.id)) fail(HOST_ERRORS.userIsNotInThisRoom(), `${user.username} is not a member of ${roomName(room)}`);
  checkNotLastOwner(room, user);
  return removeUserFromRoom(run, room, user, remover, canKickAny ? `${remover.username} has \`${kickAny}\`: the membership check is skipped` : undefined);
}

/** Pre leave; remove; Post leave, awaited (spec section 4). */
export async function removeUserFromRoom(run: HostRun, room: WorldRoom, user: WorldUser, removedBy: WorldUser | undefined, note?: string): Promise<RunResult> {
  const { world, scope } = run;
  const extra = { leavingUser: toAppUser(user), ...(removedBy ? { removedBy: toAppUser(removedBy) } : {}) };
  try {
    await runPreMembership(scope, 'IPreRoomUserLeave', { kind: 'context', context: membershipContext(run, room, extra), usernames: world.usernames(room) });
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(
      error.code === 'error-app-prevented' ? 'prevented' : 'failed',
      error,
      room.id,
      `IPreRoomUserLeave: ${error.code}: ${error.message}; ${user.username} stays in the room`,
    );
  }
  const wasMember = world.isMember(room, user.id);
  if (wasMember) world.removeMember(room.id, user.id);
  // The kick method saves its 'ru' message whether or not there was a subscription to remove.
  if (wasMember || removedBy) systemMessage(run, room, user, removedBy ? 'ru' : 'ul', removedBy);
  if (wasMember) scope.emit({ type: 'commit', what: 'member-removed', roomId: room.id, room: toAppRoom(world, room), userId: user.id });
  const abort = await run.postAwaited('IPostRoomUserLeave', {
    kind: 'context',
    context: membershipContext(run, room, extra),
    usernames: world.usernames(room),
  });
  if (abort) {
    const error = hostErrorFor(abort, null);
    return run.result(
      'failed',
      error,
      room.id,
      `${user.username} left, then IPostRoomUserLeave threw: the error reaches the caller after the user has already left`,
    );
  }
  const how = removedBy ? `${removedBy.username} removed ${user.username} from` : `${user.username} left`;
  const notes = [note, wasMember ? null : 'was not a member: the events fired anyway'].filter(Boolean).join('; ');
  return run.result('completed', null, room.id, `${how} ${roomName(room)}${notes ? ` (${notes})` : ''}; the host waited for Post leave`);
}

function membershipContext(run: HostRun, room: WorldRoom, extra: Record<string, unknown>): Record<string, unknown> {
  return { room: toAppRoom(run.world, room) as unknown as Record<string, unknown>, ...extra };
}

function systemMessage(run: HostRun, room: WorldRoom, user: WorldUser, kind: 'uj' | 'ut' | 'au' | 'ul' | 'ru', by: WorldUser | undefined): void {
  const texts = {
    uj: `${user.username} joined the room`,
    ut: `${user.username} joined the discussion`,
    au: `${by?.username} added ${user.username}`,
    ul: `${user.username} left the room`,
    ru: `${by?.username} removed ${user.username}`,
  };
  run.world.addMessage({
    id: run.ids.next('msg'),
    roomId: room.id,
    senderId: (by ?? user).id,
    text: texts[kind],
    system: kind,
    createdAt: new Date(run.clock.now()),
  });
}
