/**
 * Behaviour that changed between Rocket.Chat / Apps-Engine versions (spec section 8), as data.
 * The listener loops, the host flows and the runtime read these switches; no version checks are
 * scattered through the code. `notes` says, in plain words, where a profile simplifies the real
 * behaviour.
 *
 * Profiles are named by the Rocket.Chat versions they cover; the newest (`rc-8.8`, the Node
 * runtime) is the default. The names used before (`current`, `deno-1.43`, `legacy`) stay valid
 * everywhere as aliases: `PROFILES[alias]` is the same object, but aliases are not enumerable, so
 * `Object.keys(PROFILES)` lists each profile once.
 */
import type { RuntimeSwitches } from '../protocol/runtime-protocol.ts';
import type { ArgSource, RoomEvent } from './events.ts';

/** The profiles' own names: the Rocket.Chat versions each covers. */
export type CanonicalProfileId = 'rc-8.8' | 'rc-7.5-8.7' | 'rc-6.x-7.4' | 'rc-up-to-6.4';
/** The names used before the Node profile existed; accepted everywhere. */
export type ProfileAlias = 'current' | 'deno-1.43' | 'legacy';
export type ProfileId = CanonicalProfileId | ProfileAlias;

export const PROFILE_ALIASES: Record<ProfileAlias, CanonicalProfileId> = {
  current: 'rc-7.5-8.7',
  'deno-1.43': 'rc-6.x-7.4',
  legacy: 'rc-up-to-6.4',
};

/** The default profile: the newest Rocket.Chat. */
export const DEFAULT_PROFILE: CanonicalProfileId = 'rc-8.8';

export interface Profile {
  id: CanonicalProfileId;
  /** The name this profile had before (still accepted). */
  alias?: ProfileAlias;
  label: string;
  appsEngine: string;
  rocketChat: string;
  /** The app runtime of this version range. */
  runtime: 'node' | 'deno' | 'node-vm';
  /** Default per-call timeout in ms. */
  timeoutMs: number;
  /** Methods whose timeout differs (e.g. 1 000 ms for `checkPre*`/`executePre*` up to 1.47). */
  timeoutOverrides: { prefix: string; ms: number }[];
  /** Extend/Modify: 'returned' = a returned room replaces the room; 'in-place' = builders mutate the host object (legacy). */
  chain: 'returned' | 'in-place';
  /** What the host merges after Modify: the chain's result, or the original room (deno-1.43 bug, RC #35342). */
  modifyApplied: 'result' | 'original';
  /** Inputs deep-frozen (legacy node `vm`). */
  freezeInputs: boolean;
  /** A method is only called if it exists (legacy), instead of "method not found" escaping the loop. */
  callOnlyIfMethodExists: boolean;
  /** Argument lists that differ from the current runtime's (spec section 1). */
  argOverrides: Partial<Record<RoomEvent, ArgSource[]>>;
  /**
   * An AppsEngineException thrown without a message (spec §4, §5): 'no-reply' = the runtime cannot
   * send the error back (jsonrpc-lite refuses a message that is not a string), so the call hangs
   * until the timeout and is swallowed; 'blocks' = it reaches the host like any other
   * AppsEngineException, with an empty message.
   */
  messagelessException: 'no-reply' | 'blocks';
  /** `room.usernames` in Pre create: the members (`_USERNAMES`), or `[]` (the room has no id yet; node runtime). */
  preCreateUsernames: 'members' | 'empty';
  /** A 2-member direct message has its id (the two user ids) before insertion. */
  dmIdBeforeInsert: boolean;
  /** `addUserToRoom` fires Pre join before the already-a-member check (then returns with no Post join). */
  preJoinBeforeMemberCheck: boolean;
  /** The room converter maps `members` and merges `_unmappedProperties_` back (RC zod codecs, `converters/codecs/rooms.ts`). */
  roomCodec: 'legacy-converter' | 'codecs';
  /** Whether the profile can be selected today. */
  available: boolean;
  /** Where the simulation of this version range is approximate, or what varied inside the range. */
  notes: string[];
}

const DENO_ERA = {
  messagelessException: 'no-reply',
  preCreateUsernames: 'members',
  dmIdBeforeInsert: true,
  preJoinBeforeMemberCheck: false,
  roomCodec: 'legacy-converter',
} as const;

const CANONICAL: Record<CanonicalProfileId, Profile> = {
  'rc-8.8': {
    id: 'rc-8.8',
    label: 'Rocket.Chat 8.8 and later (Node runtime, Apps-Engine >= 1.66)',
    appsEngine: '>= 1.66',
    rocketChat: '>= 8.8',
    runtime: 'node',
    timeoutMs: 30_000,
    timeoutOverrides: [],
    chain: 'returned',
    modifyApplied: 'result',
    freezeInputs: false,
    callOnlyIfMethodExists: false,
    argOverrides: {},
    messagelessException: 'blocks',
    preCreateUsernames: 'empty',
    dmIdBeforeInsert: false,
    preJoinBeforeMemberCheck: true,
    roomCodec: 'codecs',
    available: true,
    notes: [
      'Apps run in Node (packages/apps/node-runtime). RC PR #41019 added it opt-in (APPS_ENGINE_RUNTIME_BACKEND=node; ' +
        'AppRuntimeManager.ts still defaulted to deno); Rocket.Chat 8.8.0 made it the default (APPS_ENGINE_RUNTIME_BACKEND=deno ' +
        'still selected Deno); RC PR #41201 then removed the Deno runtime, waiting "at least 1 full release of the Node runtime".',
      'Timeout per call: 30 000 ms by default (APPS_ENGINE_RUNTIME_TIMEOUT), configurable.',
      'An AppsEngineException without a message blocks at once with an empty message: the runtime builds its error reply ' +
        'with the dependency-free packages/apps/src/lib/jsonrpc.ts, which does not validate it (no jsonrpc-lite check), and ' +
        'Apps-Engine 1.66 sets the message to "" (super(message)).',
      'room.usernames is a deprecated getter returning a Promise (base-runtime/src/lib/room.ts): read it with await. ' +
        'In Pre create the room has no id yet, so it resolves to []; with an id it resolves to the members. ' +
        'Without await an app gets the Promise itself (JSON.stringify gives {}, .length is undefined).',
      'Direct messages get no id before insertion (createDirectRoom.ts inserts and takes insertedId).',
      'addUserToRoom (server/lib/rooms/addUserToRoom.ts) fires Pre join before checking membership: joining a room you are ' +
        'already in fires Pre join (an app can block it) and then returns with no Post join.',
      "The room converter (converters/codecs/rooms.ts, appRoomToRocketChat) also maps `members` and merges an app room's " +
        '`_unmappedProperties_` back onto the room.',
    ],
  },
  'rc-7.5-8.7': {
    id: 'rc-7.5-8.7',
    alias: 'current',
    label: 'Rocket.Chat 7.5 - 8.7 (Deno runtime, Apps-Engine 1.50 - 1.65)',
    appsEngine: '1.50 - 1.65',
    rocketChat: '7.5 - 8.7',
    runtime: 'deno',
    timeoutMs: 30_000,
    timeoutOverrides: [],
    chain: 'returned',
    modifyApplied: 'result',
    freezeInputs: false,
    callOnlyIfMethodExists: false,
    argOverrides: {},
    ...DENO_ERA,
    available: true,
    notes: [
      'Formerly "current". Timeout per call: 30 000 ms by default (APPS_ENGINE_RUNTIME_TIMEOUT), configurable.',
      'An AppsEngineException without a message gets no reply (verified on the real Apps-Engine 1.62): its message is ' +
        'undefined, jsonrpc-lite refuses it, the call hangs until the timeout and the action goes ahead.',
    ],
  },
  'rc-6.x-7.4': {
    id: 'rc-6.x-7.4',
    alias: 'deno-1.43',
    label: 'Rocket.Chat 6.x - 7.4 (Deno runtime, Apps-Engine 1.43 - 1.49)',
    appsEngine: '1.43.0 - 1.49.x',
    rocketChat: '6.x - 7.4',
    runtime: 'deno',
    timeoutMs: 10_000,
    timeoutOverrides: [
      { prefix: 'checkPre', ms: 1_000 },
      { prefix: 'executePre', ms: 1_000 },
    ],
    chain: 'returned',
    modifyApplied: 'original',
    freezeInputs: false,
    callOnlyIfMethodExists: false,
    argOverrides: {},
    ...DENO_ERA,
    available: true,
    notes: [
      'Formerly "deno-1.43". Timeouts: 10 000 ms per call, and 1 000 ms for methods starting with checkPre / executePre. ' +
        'The 1 s limit held up to Apps-Engine 1.47.0 and is what this profile simulates; 1.48 and 1.49 used 10 000 ms for every call.',
      'IPreRoomCreateModify: the host applies the room that went INTO Modify (the output of Extend): Extend changes land, ' +
        'every Modify change is discarded, even when the Modify chain breaks (fixed by RC #35342 in 1.50).',
      'An AppsEngineException without a message gets no reply: the call hangs until the timeout (1 s for Pre handlers here).',
    ],
  },
  'rc-up-to-6.4': {
    id: 'rc-up-to-6.4',
    alias: 'legacy',
    label: 'Rocket.Chat up to 6.4 (node vm, Apps-Engine <= 1.42)',
    appsEngine: '<= 1.42',
    rocketChat: '< 6.5',
    runtime: 'node-vm',
    timeoutMs: 1_000,
    timeoutOverrides: [],
    chain: 'in-place',
    modifyApplied: 'result',
    freezeInputs: true,
    callOnlyIfMethodExists: true,
    argOverrides: {
      IPostRoomDeleted: ['room', 'read', 'http', 'persistence'],
      IPreRoomUserJoined: ['context', 'read', 'http', 'persistence'],
      IPreRoomUserLeave: ['context', 'read', 'http', 'persistence'],
    },
    ...DENO_ERA,
    // In-process (node vm): the exception object itself reaches the host, message or not.
    messagelessException: 'blocks',
    available: true,
    notes: [
      'Formerly "legacy". Timeout: the real limit was 1 000 ms of SYNCHRONOUS time inside node `vm` (awaiting an accessor did not count); ' +
        'hookscope applies 1 000 ms to the whole call, awaits included.',
      'Frozen inputs: every room / context argument is a deep-frozen copy and a write throws a TypeError (app code is strict ' +
        'mode). Later 1.x versions wrapped the frozen data in a fresh `Room` object (`new Room(deepCloneAndFreeze(room))`), ' +
        'whose own top-level fields could be assigned without error; hookscope freezes the wrapper too.',
      'Extend/Modify in place: changes reach the host through the room the extender / builder wraps, reported by the runtime ' +
        'after each call (also after a generic error); a call that times out reports nothing, so its in-place changes are lost.',
      'Apps ran in the server process: an AppsEngineException without a message reaches the host as it is and blocks with an empty message.',
    ],
  },
};

export const PROFILES: Record<ProfileId, Profile> = { ...CANONICAL } as Record<ProfileId, Profile>;
for (const [alias, id] of Object.entries(PROFILE_ALIASES)) {
  Object.defineProperty(PROFILES, alias, { value: CANONICAL[id], enumerable: false, writable: false });
}

/** Every profile once, newest first. */
export const PROFILE_LIST: readonly Profile[] = Object.values(CANONICAL);

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && (Object.prototype.hasOwnProperty.call(CANONICAL, value) || Object.prototype.hasOwnProperty.call(PROFILE_ALIASES, value));
}

/** The profile's own name for an id or an alias (`current` -> `rc-7.5-8.7`). */
export function canonicalProfileId(id: ProfileId): CanonicalProfileId {
  return PROFILES[id].id;
}

export function timeoutFor(profile: Profile, method: string, configuredMs: number): number {
  const override = profile.timeoutOverrides.find((o) => method.startsWith(o.prefix));
  return override ? Math.min(override.ms, configuredMs) : configuredMs;
}

/** The switches the app runtime itself honours; they are sent when an app is loaded. */
export function runtimeSwitches(profile: Profile): RuntimeSwitches {
  return { freezeInputs: profile.freezeInputs, roomUsernames: profile.runtime === 'node' ? 'promise' : 'array', roomOwnFields: profile.runtime === 'deno' };
}
