/**
 * hookscope's own limit on how many reads of one call the trace lists (Rocket.Chat has none):
 * a handler that reads in a loop would otherwise put thousands of lines into the run log and
 * the graph. Reads beyond {@link TRACED_READS_PER_CALL} are still answered, only not listed; the
 * trace says so once. Writes are always listed (their own budget caps them).
 */
export const TRACED_READS_PER_CALL = 200;
const KEPT = 500;

export class TraceBudget {
  private reads = new Map<string, number>();

  /** 'trace' for a read to list, 'first-skipped' for the first one beyond the limit, 'skip' after. */
  read(callId: string | null): 'trace' | 'first-skipped' | 'skip' {
    if (callId === null) return 'trace';
    const n = (this.reads.get(callId) ?? 0) + 1;
    this.reads.set(callId, n);
    if (this.reads.size > KEPT) this.reads.delete(this.reads.keys().next().value as string);
    if (n <= TRACED_READS_PER_CALL) return 'trace';
    return n === TRACED_READS_PER_CALL + 1 ? 'first-skipped' : 'skip';
  }
}
