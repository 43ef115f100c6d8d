/**
 * Memory policy of the run history. Thousands of runs are kept (their trace events are small),
 * but a world snapshot is a deep copy of everything, so only the newest KEEP_WORLDS runs keep
 * their `worldAfter` (time travel) and `worldBefore`. The oldest kept run always keeps its
 * `worldBefore`: it is the baseline "Replay session" starts from.
 */
import type { RunRecord } from '../workspace/types.ts';

export const MAX_RUNS = 3000;
export const KEEP_WORLDS = 200;

/** Drops world snapshots of runs older than the newest `keep` (returns the same array if nothing changed). */
export function compactWorlds(runs: RunRecord[], keep = KEEP_WORLDS): RunRecord[] {
  const cut = runs.length - keep;
  if (cut <= 0) return runs;
  let changed = false;
  const out = runs.map((r, i) => {
    if (i >= cut) return r;
    const dropAfter = r.worldAfter !== null;
    const dropBefore = i > 0 && Boolean(r.worldBefore);
    const dropPrevious = r.previous !== undefined;
    if (!dropAfter && !dropBefore && !dropPrevious) return r;
    changed = true;
    const { previous: _previous, ...rest } = r;
    return { ...rest, worldAfter: null, worldDropped: r.worldDropped || dropAfter, ...(dropBefore ? { worldBefore: null } : {}) };
  });
  return changed ? out : runs;
}

/** Keeps the newest `max` runs. */
export function capRuns(runs: RunRecord[], max = MAX_RUNS): RunRecord[] {
  return runs.length > max ? runs.slice(-max) : runs;
}

/** The run replay starts from: the earliest kept run that still has the world before it. */
export function replayBaseline(runs: readonly RunRecord[]): number {
  return runs.findIndex((r) => Boolean(r.worldBefore));
}

/** The number shown to the user ("run #3"). */
export function seqOf(run: Pick<RunRecord, 'seq'>): number {
  return run.seq ?? 0;
}
