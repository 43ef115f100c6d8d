/**
 * createRoom (types c, p) and direct messages, after RC `createRoom.ts` / `createDirectRoom.ts`
 * (spec sections 4, 6, 7): validate; the owner joins the members; Prevent; Extend -> Modify;
 * merge the mapped fields; insert; subscriptions for every member without join events; Post
 * create, not awaited.
 */
import { runChainInPlace } from '../pipeline/chain-in-place.ts';
import { runChain, runPrevent } from '../pipeline/loops.ts';
import type { PipelineRoom, ReturnedRoom } from '../pipeline/payload.ts';
import type { Profile } from '../profiles.ts';
import { mergeMappedFields, toAppRoom, type AppRoom } from '../world/convert.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import type { CreateRoomInput } from '../actions.ts';
import { HOST_ERRORS } from '../errors.ts';
import { hostErrorFor, type HostRun, type RunResult } from './run-context.ts';
import { can, fail, lacks, requirePermission, requireUser, resolveMembers, validateRoomName } from './validate.ts';

export async function createRoom(run: HostRun, input: CreateRoomInput): Promise<RunResult> {
  const { world } = run;
  const creator = requireUser(world, input.creator);
  if (input.type === 'd') return createDirect(run, creator, input.members ?? []);
  if (input.type !== 'c' && input.type !== 'p') fail(HOST_ERRORS.invalidType(String(input.type)));
  // RC createChannelMethod / createPrivateGroupMethod: `create-c` / `create-p` before createRoom.
  requirePermission(world, creator, `create-${input.type}`, HOST_ERRORS.notAllowed());
  validateRoomName(world, input.name);
  const others = resolveMembers(
    world,
    (input.members ?? []).filter((u) => u !== creator.username),
  );
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
  // RC createDirectMessage: without `create-d`, a user with `view-d-room` gets the existing DM back.
  if (!can(world, creator, 'create-d')) {
    if (existing && can(world, creator, 'view-d-room')) {
      return run.result(
        'completed',
        null,
        existing.id,
        `${creator.username} may not create direct messages but may view them: the existing one (${existing.id}) is returned; no event fires`,
      );
    }
    fail(HOST_ERRORS.notAllowed(), lacks(world, creator, 'create-d'));
  }
  if (existing) {
    // RC returns the existing DM: no event fires (spec section 7).
    return run.result('completed', null, existing.id, `the direct message already exists (${existing.id}): no event fires`);
  }
  const now = new Date(run.clock.now());
  const sorted = [...members].sort((a, b) => a.username.localeCompare(b.username));
  const profile = run.scope.services.profile();
  const idKnown = members.length === 2 && profile.dmIdBeforeInsert;
  const room: WorldRoom = {
    // Deno era: a 2-member DM's id is its two user ids joined, known before insertion (spec §3);
    // node profile: createDirectRoom inserts and takes the new id (spec §8).
    id: idKnown ? sorted.map((u) => u.id).join('') : run.ids.next('room'),
    slugifiedName: '',
    type: 'd',
    // RC createDirectMessage calls createRoom without an owner: a DM has no creator (spec §7.1).
    creatorId: '',
    memberIds: sorted.map((u) => u.id),
    ownerIds: [],
    isDefault: false,
    isReadOnly: false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  return runCreatePipeline(run, room, sorted, idKnown);
}

async function runCreatePipeline(run: HostRun, room: WorldRoom, members: WorldUser[], idKnown: boolean): Promise<RunResult> {
  const { world, scope } = run;
  const profile = scope.services.profile();
  const usernames = members.map((u) => u.username);
  const appRoom = toAppRoom(world, room, { withId: idKnown });
  const input: PipelineRoom = { ...appRoom, _USERNAMES: usernames };
  // Node runtime: the Room of a room with no id answers `usernames` with [] (base-runtime room.ts).
  const preUsernames = profile.preCreateUsernames === 'empty' && !idKnown ? [] : usernames;
  const what = room.type === 'd' ? 'direct message' : 'room';

  try {
    const { preventedBy } = await runPrevent(scope, 'IPreRoomCreatePrevent', { kind: 'room', room: input, usernames: preUsernames });
    if (preventedBy) {
      const name = scope.services.registry.get(preventedBy)?.def.name ?? preventedBy;
      return run.result(
        'prevented',
        HOST_ERRORS.appPrevented(),
        null,
        `${name} prevented the ${what} creation (IPreRoomCreatePrevent returned truthy); ${notRun(run, ['IPreRoomCreateExtend', 'IPreRoomCreateModify', 'IPostRoomCreate'])}`,
      );
    }
  } catch (abort) {
    const error = hostErrorFor(abort, (message) => HOST_ERRORS.appPrevented(message));
    return run.result(error.code === 'error-app-prevented' ? 'prevented' : 'failed', error, null, `IPreRoomCreatePrevent: ${error.code}: ${error.message}`);
  }

  let chain: ChainOutput;
  try {
    // Legacy (spec §8): extenders and builders change the host's object in place.
    if (profile.chain === 'in-place') {
      const extended = await runChainInPlace(scope, 'IPreRoomCreateExtend', input);
      chain = { extended, result: await runChainInPlace(scope, 'IPreRoomCreateModify', extended) };
    } else {
      const extended = await runChain(scope, 'IPreRoomCreateExtend', input);
      chain = { extended, result: await runChain(scope, 'IPreRoomCreateModify', extended) };
    }
  } catch (abort) {
    const error = hostErrorFor(abort, null);
    return run.result('failed', error, null, `an error escaped the Extend/Modify chain (${error.code}: ${error.message}); the ${what} was not created`);
  }

  const merged = applyChainResult(run, room, appRoom, chain, profile);
  world.insertRoom(merged);
  const inserted = world.roomById(merged.id) as WorldRoom;
  scope.emit({ type: 'commit', what: 'room-created', roomId: inserted.id, room: toAppRoom(world, inserted) });

  run.postDetached('IPostRoomCreate', { kind: 'room', room: toAppRoom(world, inserted) as unknown as Record<string, unknown>, usernames: [] });
  // A direct message has no name: it is named by its members (its id stays in brackets).
  const label = inserted.slugifiedName || (room.type === 'd' ? `between ${usernames.map((u) => `@${u}`).join(' and ')} (${inserted.id})` : inserted.id);
  return run.result('completed', null, inserted.id, `the ${what} ${label} was created; Post create handlers run without the host waiting`);
}

/** The merge of a chain that gave no room: nothing applied; `ended` says why when a handler listened (the chain broke). */
function emitNothingApplied(run: HostRun, ended: string): void {
  const listened = listenerCount(run);
  run.scope.emit({ type: 'merge', applied: [], dropped: [], chainBroken: listened > 0, note: listened > 0 ? ended : 'no Extend or Modify handler' });
}

function applyChainResult(run: HostRun, room: WorldRoom, original: AppRoom, chain: ChainOutput, profile: Profile): WorldRoom {
  if (profile.modifyApplied === 'original') return applyModifyInput(run, room, original, chain);
  const { scope, world } = run;
  const { result } = chain;
  if (result === null) {
    emitNothingApplied(
      run,
      'the Extend/Modify chain ended with null: no Extend or Modify change from any app is applied; the room is created from the original data',
    );
    return room;
  }
  const merged = mergeMappedFields(world, room, original, withoutUsernames(result), { codecs: profile.roomCodec === 'codecs' });
  const counts = merged.applied.length || merged.dropped.length ? `${merged.applied.length} field(s) applied, ${merged.dropped.length} dropped` : null;
  const note =
    profile.chain === 'in-place'
      ? `${profile.id} (spec §8): the host applies its own room object as the extenders and builders changed it in place; ${counts ?? 'no field changed'}`
      : (counts ?? 'the chain returned the room unchanged');
  scope.emit({ type: 'merge', applied: merged.applied, dropped: merged.dropped, chainBroken: false, note });
  return merged.room;
}

/**
 * `modifyApplied: 'original'` (deno-1.43, Apps-Engine 1.43-1.49, spec §8): the Modify handler
 * returned its input `data` instead of the chained room (RC #35342). Its input is Extend's output,
 * so Extend changes land and every Modify change is discarded, even when the Modify chain broke.
 * The discarded changes are listed as dropped so the user sees what was lost.
 */
function applyModifyInput(run: HostRun, room: WorldRoom, original: AppRoom, chain: ChainOutput): WorldRoom {
  const { scope, world } = run;
  const why = 'discarded: Apps-Engine 1.43-1.49 applies the room that went into Modify, not its result (RC #35342)';
  if (chain.extended === null) {
    emitNothingApplied(run, 'the Extend chain ended with null: nothing is applied (Modify was refused); the room is created from the original data');
    return room;
  }
  const extended = withoutUsernames(chain.extended);
  const fromExtend = mergeMappedFields(world, room, original, extended, { codecs: run.scope.services.profile().roomCodec === 'codecs' });
  const modifyChanges =
    chain.result === null ? null : mergeMappedFields(world, fromExtend.room, extended as unknown as AppRoom, withoutUsernames(chain.result));
  const discarded = modifyChanges
    ? [...modifyChanges.applied, ...modifyChanges.dropped].map(({ field, before, after }) => ({ field, before, after, reason: why }))
    : [];
  const modifyWords =
    chain.result === null
      ? scope.services.registry.listeners('IPreRoomCreateModify').length > 0
        ? 'the Modify chain ended with null, which this version ignores'
        : 'no Modify handler'
      : `every Modify change is discarded (${discarded.length} field(s))`;
  scope.emit({
    type: 'merge',
    applied: fromExtend.applied,
    dropped: [...fromExtend.dropped, ...discarded],
    chainBroken: false,
    note: `deno-1.43 (spec §8): the host applies the room that went INTO Modify, i.e. Extend's output: ${fromExtend.applied.length} Extend change(s) applied; ${modifyWords} (fixed by RC #35342)`,
  });
  return fromExtend.room;
}

interface ChainOutput {
  /** Extend's output, the room that went into Modify. */
  extended: ReturnedRoom | null;
  /** Modify's output. */
  result: ReturnedRoom | null;
}

function listenerCount(run: HostRun): number {
  const { registry } = run.scope.services;
  return registry.listeners('IPreRoomCreateExtend').length + registry.listeners('IPreRoomCreateModify').length;
}

function withoutUsernames(room: ReturnedRoom): ReturnedRoom {
  const { _USERNAMES: _ignored, ...rest } = room;
  return rest;
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
