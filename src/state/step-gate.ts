/**
 * Step-through and slow motion, as the Engine's stepper: in step mode every handler call waits
 * for Step (or Continue); in slow motion it waits a delay. Continue lets the rest of the current
 * run go at full speed; the next run pauses again.
 */
import type { CallRef } from '../engine/index.ts';

export type Stepper = (call: CallRef) => Promise<void> | null;

export class StepGate {
  private enabled = false;
  private delayMs = 0;
  private continuing = false;
  private readonly waiters: (() => void)[] = [];

  /** `onWaiting` is told which call waits for Step (null when none does). */
  constructor(private readonly onWaiting: (call: CallRef | null) => void) {}

  /** The stepper to give the engine, or null when calls should not wait at all. */
  configure(enabled: boolean, delayMs: number): Stepper | null {
    this.enabled = enabled;
    this.delayMs = Math.max(0, delayMs);
    if (!enabled) this.releaseAll();
    return enabled || this.delayMs > 0 ? this.gate : null;
  }

  /** A new user run: pause again even after Continue. */
  newRun(): void {
    this.continuing = false;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Lets the next waiting call go. */
  step(): void {
    this.waiters.shift()?.();
    if (this.waiters.length === 0) this.onWaiting(null);
  }

  /** Lets every waiting call go, and the rest of this run run without pausing. */
  continueRun(): void {
    this.continuing = true;
    this.releaseAll();
  }

  private releaseAll(): void {
    while (this.waiters.length) this.waiters.shift()?.();
    this.onWaiting(null);
  }

  private readonly gate: Stepper = (call) => {
    if (this.continuing) return null;
    if (this.enabled) {
      return new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        this.onWaiting(call);
      });
    }
    if (this.delayMs <= 0) return null;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const i = this.waiters.indexOf(done);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(done, this.delayMs);
      this.waiters.push(done);
    });
  };
}
