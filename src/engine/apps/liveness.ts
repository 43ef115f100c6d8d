/**
 * Is the worker's event loop turning? While a call is in flight the host pings the runtime every
 * {@link PING_INTERVAL_MS}; the runtime answers `pong` from its message handler, which it can only
 * run when its event loop is free. At most one ping is outstanding, so its age is how long the
 * worker has not been able to answer.
 *
 * At a call's timeout the host asks for a {@link Liveness.verdict}: a worker whose ping has gone
 * unanswered for {@link STALE_MS} is stuck (an endless loop: it is replaced); one that answers is
 * alive (a merely waiting app keeps running, as in Rocket.Chat, and its late reply is ignored).
 * A worker stuck since early in the call is known stuck at the timeout itself; one that answered
 * pings until just before it gets a fresh ping and up to {@link STALE_MS} to answer it.
 */
import type { Scheduler } from '../env.ts';

/** How often an in-flight call's worker is pinged. */
export const PING_INTERVAL_MS = 20;
/**
 * How long a ping may go unanswered before the worker counts as stuck. Well above the interval:
 * on a busy machine a free worker can take tens of milliseconds to be scheduled; an app in an
 * endless loop never answers, so this only delays the verdict on a loop that began just before
 * the timeout.
 */
export const STALE_MS = 120;

export type Verdict = 'alive' | 'stuck';

export class Liveness {
  private seq = 0;
  /** When the outstanding ping was sent; null when every ping has been answered. */
  private outstandingSince: number | null = null;
  private ticker: unknown = null;
  private active = false;
  private waiters: ((v: Verdict) => void)[] = [];
  private staleTimer: unknown = null;
  private answeredAt: number | null = null;
  private answeredCount = 0;
  private firstAnsweredAt: number | null = null;

  constructor(
    private readonly send: (seq: number) => void,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
  ) {}

  /**
   * Start pinging (a call or a load went in flight). Idempotent. `now`: send the first ping at
   * once (before a load: its answer shows the runtime is up before any app code runs).
   */
  start(now = false): void {
    if (this.active) return;
    this.active = true;
    if (now) this.ping();
    this.schedule();
  }

  /** When the last pong arrived (null: none yet). Between pongs the worker did not get to its message handler. */
  get lastAnswerAt(): number | null {
    return this.answeredAt;
  }

  /** When the first pong arrived (null: none yet): the runtime was up by then. */
  get firstAnswerAt(): number | null {
    return this.firstAnsweredAt;
  }

  /** How many pings have been answered (for a clock that does not move). */
  get answers(): number {
    return this.answeredCount;
  }

  /** Stop pinging (no call in flight). An answer to a ping already sent is still taken. */
  stop(): void {
    this.active = false;
    if (this.ticker !== null) this.scheduler.clearTimeout(this.ticker);
    this.ticker = null;
  }

  /** A `pong` arrived. */
  pong(seq: number): void {
    if (seq !== this.seq || this.outstandingSince === null) return;
    this.outstandingSince = null;
    this.answeredAt = this.now();
    this.answeredCount += 1;
    this.firstAnsweredAt ??= this.answeredAt;
    this.finish('alive');
  }

  /**
   * Alive or stuck, as soon as it can be told: at once when the outstanding ping is already
   * stale, at the next pong, or when the fresh ping sent now goes stale. Checked one task later,
   * so that answers already queued behind a busy host are read first.
   */
  verdict(): Promise<Verdict> {
    this.ping();
    return new Promise<Verdict>((resolve) => {
      this.waiters.push(resolve);
      this.scheduler.setTimeout(() => this.judge(), 0);
    });
  }

  dispose(): void {
    this.stop();
    if (this.staleTimer !== null) this.scheduler.clearTimeout(this.staleTimer);
    this.staleTimer = null;
    this.finish('stuck');
  }

  /** `timedOut`: the stale timer fired, so the outstanding ping is stale whatever the clock says. */
  private judge(timedOut = false): void {
    if (this.waiters.length === 0) return;
    if (this.outstandingSince === null) return this.finish('alive');
    const age = this.now() - this.outstandingSince;
    if (timedOut || age >= STALE_MS) return this.finish('stuck');
    if (this.staleTimer === null) {
      this.staleTimer = this.scheduler.setTimeout(
        () => {
          this.staleTimer = null;
          this.judge(true);
        },
        Math.max(1, STALE_MS - age),
      );
    }
  }

  private finish(v: Verdict): void {
    if (this.staleTimer !== null && this.waiters.length > 0) {
      this.scheduler.clearTimeout(this.staleTimer);
      this.staleTimer = null;
    }
    for (const w of this.waiters.splice(0)) w(v);
  }

  private ping(): void {
    if (this.outstandingSince !== null) return;
    this.seq += 1;
    this.outstandingSince = this.now();
    this.send(this.seq);
  }

  private schedule(): void {
    this.ticker = this.scheduler.setTimeout(() => {
      this.ticker = null;
      if (!this.active) return;
      this.ping();
      this.schedule();
    }, PING_INTERVAL_MS);
  }
}
