/** Recorded outcome vs the outcome against the current code, per run (pure). */
import { outcomeText, type OutcomeFacts } from './outcome-facts.ts';
import type { ReplayRow } from './inspect-slice.ts';

export interface RecordedRun {
  seq: number;
  label: string;
  facts: OutcomeFacts;
}

export function sameOutcome(a: OutcomeFacts, b: OutcomeFacts): boolean {
  return a.outcome === b.outcome && a.errorCode === b.errorCode && a.by === b.by;
}

export function replayDiff(recorded: readonly RecordedRun[], now: readonly (OutcomeFacts | null)[]): ReplayRow[] {
  return recorded.map((r, i) => {
    const after = now[i];
    const nowText = after ? outcomeText(after) : 'not replayed';
    return { seq: r.seq, label: r.label, before: outcomeText(r.facts), now: nowText, changed: !after || !sameOutcome(r.facts, after) };
  });
}

/** "run 3 was completed, now prevented by Guard" */
export function describeChange(row: ReplayRow): string {
  return row.changed ? `run ${row.seq} was ${row.before}, now ${row.now}` : `run ${row.seq}: ${row.now} (unchanged)`;
}
