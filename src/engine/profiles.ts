/**
 * Behaviour that changed between Rocket.Chat / Apps-Engine versions (spec section 8), as data.
 * The listener loops, the host flows and the runtime read these switches; no version checks are
 * scattered through the code. `notes` says, in plain words, where a profile simplifies the real
 * behaviour.
 */
import type { RuntimeSwitches } from '../protocol/runtime-protocol.ts';
import type { ArgSource, RoomEvent } from './events.ts';

export type ProfileId = 'current' | 'deno-1.43' | 'legacy';

export interface Profile {
  id: ProfileId;
  label: string;
  appsEngine: string;
  rocketChat: string;
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
  /** Whether the profile can be selected today. */
  available: boolean;
  /** Where the simulation of this version range is approximate, or what varied inside the range. */
  notes: string[];
}

export const PROFILES: Record<ProfileId, Profile> = {
  current: {
    id: 'current',
    label: 'current (Apps-Engine >= 1.50, Rocket.Chat >= 7.5)',
    appsEngine: '>= 1.50',
    rocketChat: '>= 7.5',
    timeoutMs: 30_000,
    timeoutOverrides: [],
    chain: 'returned',
    modifyApplied: 'result',
    freezeInputs: false,
    callOnlyIfMethodExists: false,
    argOverrides: {},
    available: true,
    notes: ['Timeout per call: 30 000 ms by default (APPS_ENGINE_RUNTIME_TIMEOUT), configurable.'],
  },
  'deno-1.43': {
    id: 'deno-1.43',
    label: 'deno-1.43 (Apps-Engine 1.43 - 1.49)',
    appsEngine: '1.43.0 - 1.49.x',
    rocketChat: '6.x - 7.4',
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
    available: true,
    notes: [
      'Timeouts: 10 000 ms per call, and 1 000 ms for methods starting with checkPre / executePre. The 1 s limit held up to ' +
        'Apps-Engine 1.47.0 and is what this profile simulates; 1.48 and 1.49 used 10 000 ms for every call.',
      'IPreRoomCreateModify: the host applies the room that went INTO Modify (the output of Extend): Extend changes land, ' +
        'every Modify change is discarded, even when the Modify chain breaks (fixed by RC #35342 in 1.50).',
    ],
  },
  legacy: {
    id: 'legacy',
    label: 'legacy (Apps-Engine <= 1.42, node vm)',
    appsEngine: '<= 1.42',
    rocketChat: '< 6.5',
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
    available: true,
    notes: [
      'Timeout: the real limit was 1 000 ms of SYNCHRONOUS time inside node `vm` (awaiting an accessor did not count); ' +
        'hookscope applies 1 000 ms to the whole call, awaits included.',
      'Frozen inputs: every room / context argument is a deep-frozen copy and a write throws a TypeError (app code is strict ' +
        'mode). Later 1.x versions wrapped the frozen data in a fresh `Room` object (`new Room(deepCloneAndFreeze(room))`), ' +
        'whose own top-level fields could be assigned without error; hookscope freezes the wrapper too.',
      'Extend/Modify in place: changes reach the host through the room the extender / builder wraps, reported by the runtime ' +
        'after each call (also after a generic error); a call that times out reports nothing, so its in-place changes are lost.',
    ],
  },
};

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && value in PROFILES;
}

export function timeoutFor(profile: Profile, method: string, configuredMs: number): number {
  const override = profile.timeoutOverrides.find((o) => method.startsWith(o.prefix));
  return override ? Math.min(override.ms, configuredMs) : configuredMs;
}

/** The switches the app runtime itself honours; they are sent when an app is loaded. */
export function runtimeSwitches(profile: Profile): RuntimeSwitches {
  return { freezeInputs: profile.freezeInputs };
}
