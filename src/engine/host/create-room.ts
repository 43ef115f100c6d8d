/**
 * createRoom (types c, p) and direct messages, after RC `createRoom.ts` / `createDirectRoom.ts`
 * (spec sections 4, 6, 7): validate; the owner joins the members; Prevent; Extend -> Modify;
 * merge the mapped fields; insert; subscriptions for every member without join events; Post
 * create, not awaited.
 */
import { runChain, runPrevent } from '../pipeline/loops.ts';
import { mergeMappedFields, toAppRoom, type AppRoom } from '../world/convert.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import type { CreateRoomInput } from './actions.ts';
import { HOST_ERRORS } from './errors.ts';
import { hostErrorFor, type HostRun, type RunResult } from './run-context.ts';
import { fail, requireUser, resolveMembers, validateRoomName } from './validate.ts';

export async function createRoom(run: HostRun, input: CreateRoomInput): Promise<RunResult> {
  const { world } = run;
  const creator = requireUser(world, input.creator);
  if (input.type === 'd') return createDirect(run, creator, input.members ?? []);
  if (input.type !== 'c' && input.type !== 'p') fail(HOST_ERRORS.invalidType(String(input.type)));
  if (creator.roles.includes('guest')) fail(HOST_ERRORS.notAllowed());
  validateRoomName(world, input.name);
  const others = resolveMembers(world, (input.members ?? []).filter((u) => u !== creator.username));
  const members = unique([creator, ...others]);
  const now = new Date(run.clock.now());
  const room: WorldRoom = {
    id: run.ids.next('room'),
    slugifiedName: input.name,
    displayName: input.displayName ?? input.name,
    type: input.type,
    creatorId: creator.id,
    memberIds: members.map((u) => u.id),
    ownerIds: [creator.id],
    isDefault: false,
    isReadOnly: input.readOnly ?? false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  if (input.customFields !== undefined) room.customFields = structuredClone(input.customFields);
  if (input.description !== undefined) room.description = input.description;
  return runCreatePipeline(run, room, members, false);
}

async function createDirect(run: HostRun, creator: WorldUser, usernames: string[]): Promise<RunResult> {
  const { world } = run;
  const others = usernames.filter((u) => u !== creator.username).map((u) => world.userByUsername(u) ?? fail(HOST_ERRORS.invalidUser()));
  const members = unique([creator, ...others]);
  const existing = world.directRoomFor(members.map((u) => u.id));
  if (existing) {
    // RC returns the existing DM: no event fires (spec section 7).
    return run.result('completed', null, existing.id, `the direct message already exists (${existing.id}): no event fires`);
  }
  const now = new Date(run.clock.now());
  const sorted = [...members].sort((a, b) => a.username.localeCompare(b.username));
  const room: WorldRoom = {
    // A 2-member DM's id is its two user ids joined; it exists before insertion (spec section 3).
    id: members.length === 2 ? sorted.map((u) => u.id).join('') : run.ids.next('room'),
    slugifiedName: '',
    type: 'd',
    creatorId: creator.id,
    memberIds: sorted.map((u) => u.id),
    ownerIds: [],
    isDefault: false,
    isReadOnly: false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  return runCreatePipeline(run, room, sorted, members.length === 2);
}

async function runCreatePipeline(run: HostRun, room: WorldRoom, members: WorldUser[], idKnown: boolean): Promise<RunResult> {
  const { world, scope } = run;
  const profile = scope.services.profile();
  const usernames = members.map((u) => u.username);
  const appRoom = toAppRoom(world, room, { withId: idKnown });
  const input: Record<string, unknown> = { ...(appRoom as unknown as Record<string, unknown>), _USERNAMES: usernames };
  const what = room.type === 'd' ? 'direct message' : 'room';

  try {
    const { preventedBy } = await runPrevent(scope, 'IPreRoomCreatePrevent', { kind: 'room', room: input, usernames});
    if (preventedBy) {
      const name = scope.services.registry.get(preventedBy)?.def.name ?? preventedBy;
      return run.result('prevented', HOST_ERRORS.appPrevented(), null, `${name} prevented the ${what} creation (IPreRoomCreatePrevent returned truthy); ${notRun(run, ['IPreRoomCreateExtend', 'IPreRoomCreateModify', 'IPostRoomCreate'])}`);
    }
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(error.code === 'error-app-prevented' ? 'prevented' : 'failed', error, null, `IPreRoomCreatePrevent: ${error.code}: ${error.message}`);
  }

  let result: Record<string, unknown> | null;
  try {
    const extended = await runChain(scope, 'IPreRoomCreateExtend', input);
    result = await runChain(scope, 'IPreRoomCreateModify', extended);
  } catch (abort) {
    const error = hostErrorFor(abort, null);
    return run.result('failed', error, null, `an error escaped the Extend/Modify chain (${error.code}: ${error.message}); the ${what} was not created`);
  }

  const merged = applyChainResult(run, room, appRoom, result, profile.modifyApplied);
  world.insertRoom(merged);
  const inserted = world.roomById(merged.id) as WorldRoom;
  scope.emit({ type: 'commit', what: 'room-created', roomId: inserted.id, room: toAppRoom(world, inserted) });

  run.postDetached('IPostRoomCreate', { kind: 'room', room: toAppRoom(world, inserted) as unknown as Record<string, unknown>, usernames: []});
  return run.result('completed', null, inserted.id, `the ${what} ${inserted.slugifiedName || inserted.id} was created; Post create handlers run without the host waiting`);
}

function applyChainResult(run: HostRun, room: WorldRoom, original: AppRoom, result: Record<string, unknown> | null, mode: 'result' | 'original'): WorldRoom {
  const { scope, world } = run;
  if (result === null) {
    const listened = scope.services.registry.listeners('IPreRoomCreateExtend').length + scope.services.registry.listeners('IPreRoomCreateModify').length;
    scope.emit({
      type: 'merge',
      applied: [],
      dropped: [],
      chainBroken: listened > 0,
      note: listened > 0 ? 'the Extend/Modify chain ended with null: no Extend or Modify change from any app is applied; the room is created from the original data' : 'no Extend or Modify handler',
    });
    return room;
  }
  if (mode === 'original') {
    scope.emit({ type: 'merge', applied: [], dropped: [], chainBroken: false, note: 'this profile applies the original room: every Modify change is discarded (fixed by RC #35342)' });
    return room;
  }
  const { _USERNAMES: _ignored, ...rest } = result;
  const merged = mergeMappedFields(world, room, original, rest);
  scope.emit({
    type: 'merge',
    applied: merged.applied,
    dropped: merged.dropped,
    chainBroken: false,
    note: merged.applied.length || merged.dropped.length ? `${merged.applied.length} field(s) applied, ${merged.dropped.length} dropped` : 'the chain returned the room unchanged',
  });
  return merged.room;
}

function unique(users: WorldUser[]): WorldUser[] {
  const seen = new Set<string>();
  return users.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

/** "2 Extend, 1 Modify and 3 Post handlers not run". */
export function notRun(run: HostRun, events: Parameters<HostRun['scope']['services']['registry']['listeners']>[0][]): string {
  const labels: Record<string, string> = {
    IPreRoomCreateExtend: 'Extend',
    IPreRoomCreateModify: 'Modify',
    IPostRoomCreate: 'Post create',
    IPostRoomDeleted: 'Post deleted',
    IPostRoomUserJoined: 'Post join',
    IPostRoomUserLeave: 'Post leave',
  };
  const parts = events.map((e) => [labels[e] ?? e, run.scope.services.registry.listeners(e).length] as const).filter(([, n]) => n > 0);
  if (parts.length === 0) return 'no later handler was waiting';
  const words = parts.map(([label, n]) => `${n} ${label}`);
  const joined = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0];
  return `${joined} handler${parts.reduce((s, [, n]) => s + n, 0) > 1 ? 's' : ''} not run`;
}
