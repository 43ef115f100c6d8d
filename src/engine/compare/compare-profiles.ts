/**
 * Compare across profiles (issue 7): the same action, from the same starting world, under every
 * profile (spec section 8), one fresh engine each, run one after the other; then where the
 * outcome, the error, the committed room or the calls differ, with the rule responsible.
 */
import type { TransportFactory } from '../apps/transport.ts';
import type { ActionInput } from '../actions.ts';
import { PROFILES, type ProfileId } from '../profiles.ts';
import { findDifferences, type Difference } from './differences.ts';
import { runUnderProfile, type CompareInput, type ProfileRun } from './run-under-profile.ts';

export type { CompareInput, ComparedCall, ProfileRun } from './run-under-profile.ts';
export type { Difference } from './differences.ts';

export interface ProfileComparison {
  action: ActionInput;
  /** One run per profile, in the order of the profile table (current, deno-1.43, legacy). */
  runs: ProfileRun[];
  differences: Difference[];
}

/** Every selectable profile, in table order. */
export function comparableProfiles(): ProfileId[] {
  return (Object.keys(PROFILES) as ProfileId[]).filter((id) => PROFILES[id].available);
}

export async function compareProfiles(
  input: CompareInput,
  transports: TransportFactory,
  profiles: ProfileId[] = comparableProfiles(),
): Promise<ProfileComparison> {
  const runs: ProfileRun[] = [];
  for (const profile of profiles) runs.push(await runUnderProfile(input, profile, transports));
  return { action: input.action, runs, differences: findDifferences(runs) };
}
