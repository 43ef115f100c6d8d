/**
 * The pure rules of re-running (Run again, live mode, reset world): which run live mode
 * repeats, what stops it, and the world a re-run starts from.
 */
import { ownEntry, ownValue, setOwn, type WorldState } from '../engine/index.ts';
import { replayBaseline } from './run-memory.ts';
import type { StoreState } from './store.ts';
import type { RunRecord } from '../workspace/types.ts';

/** The run live mode re-runs: the newest one, if it was run here, has finished and kept its starting world. */
export function liveTarget(runs: readonly RunRecord[]): RunRecord | null {
  const last = runs[runs.length - 1];
  if (!last || last.shared || !last.worldBefore) return null;
  if (last.state !== 'settled' && last.state !== 'crashed') return null;
  return last;
}

/** Why an edit does not re-run now; `tell` when the user should hear it (not for "nothing to re-run"). */
export function liveBlocker(s: Pick<StoreState, 'runs' | 'step' | 'replay' | 'pending'>): { reason: string; tell: boolean } | null {
  if (s.pending) return { reason: 'a shared workspace is waiting in the safe view', tell: false };
  if (s.step.enabled) return { reason: 'live mode waits while step mode is on: press Run again', tell: true };
  if (s.replay?.status === 'running') return { reason: 'a session replay is running', tell: true };
  const last = s.runs[s.runs.length - 1];
  if (!last) return { reason: 'no run yet', tell: false };
  if (last.shared) return { reason: 'the last run was shared with you: press Run again to re-run it here', tell: true };
  if (last.state === 'running' || last.state === 'answered') return { reason: 'the last run is still in progress', tell: false };
  if (!last.worldBefore) return { reason: `the world before run #${last.seq ?? 0} is no longer kept: press Run again`, tell: true };
  return null;
}

/**
 * A recorded world to start from, with the settings the apps have declared since (loading an
 * app declares its settings in the live world; an older snapshot may not have them yet).
 */
export function withDeclaredSettings(world: WorldState, live: WorldState): WorldState {
  const next = structuredClone(world);
  for (const [appId, table] of Object.entries(live.settings)) {
    const target = ownEntry(next.settings, appId, () => ({}));
    for (const [id, setting] of Object.entries(table)) if (ownValue(target, id) === undefined) setOwn(target, id, structuredClone(setting));
  }
  return next;
}

/** The world the session started from: the one before the earliest kept run that has it. */
export function sessionStartWorld(runs: readonly RunRecord[]): { world: WorldState; seq: number } | null {
  const i = replayBaseline(runs);
  const run = i < 0 ? undefined : runs[i];
  return run?.worldBefore ? { world: run.worldBefore, seq: run.seq ?? 0 } : null;
}
