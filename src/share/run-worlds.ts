/** Records the world as each run starts, so recorded runs can be exported as a replayable test. */
import type { AppStore } from '../state/store.ts';

export function trackWorldBeforeRuns(store: AppStore): () => void {
  const seen = new Set(store.getState().runs.map((r) => r.startedAt));
  return store.subscribe((next, prev) => {
    if (next.runs === prev.runs) return;
    for (const run of next.runs) {
      if (seen.has(run.startedAt)) continue;
      seen.add(run.startedAt);
      // startRun has not changed the world yet: this is the world the run starts from. A copy:
      // the engine may still hold (and mutate) the object the store started with.
      next.noteWorldBeforeRun(
        run.startedAt,
        structuredClone(prev.world),
        next.runs.map((r) => r.startedAt),
      );
    }
  });
}
