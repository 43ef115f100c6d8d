/**
 * Behaviour that changed between Rocket.Chat / Apps-Engine versions (spec section 8), as data.
 * The listener loops read these switches; no version checks are scattered through the code.
 * Only "current" ships now; the others are described so the shape is ready for them.
 */
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
  },
  'deno-1.43': {
    id: 'deno-1.43',
    label: 'deno-1.43 (Apps-Engine 1.43 - 1.49)',
    appsEngine: '1.43.0 - 1.49.x',
    rocketChat: '6.x - 7.4',
    timeoutMs: 10_000,
    timeoutOverrides: [],
    chain: 'returned',
    modifyApplied: 'original',
    freezeInputs: false,
    callOnlyIfMethodExists: false,
    argOverrides: {},
    available: false,
  },
  legacy: {
    id: 'legacy',
    label: 'legacy (Apps-Engine <= 1.42)',
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
    available: false,
  },
};

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && value in PROFILES;
}

export function timeoutFor(profile: Profile, method: string, configuredMs: number): number {
  const override = profile.timeoutOverrides.find((o) => method.startsWith(o.prefix));
  return override ? Math.min(override.ms, configuredMs) : configuredMs;
}
