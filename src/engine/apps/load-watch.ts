/**
 * When is a load that has not answered hung, and when only slow? The worker is pinged while it
 * loads (the first ping goes before the load, so its answer shows the runtime is up before any
 * app code runs). App code that runs without a break cannot answer; code that waits (an accessor
 * request, a timer, a promise in initialize or onEnable) can. So:
 *
 * - `not-started`: no answer at all within {@link startBound}: the runtime never got to the app's
 *   code (a busy machine); not the app's fault, the next action tries again. The budget of the
 *   app's code counts from the runtime's first answer.
 * - `hung`: the worker did not answer for the whole budget: the app's code ran that long without
 *   a break (an endless loop in its constructor or top-level code?).
 * - `waited`: past {@link LOAD_WAIT_BUDGETS} budgets and the worker still answers: the load is
 *   waiting for something that does not come (slow but alive loads get that long).
 * - `wait`: look again at `at`. Heavy code past the budget that started after the worker last
 *   answered gets the full budget of running from that answer before it counts as hung.
 */
import { STALE_MS } from './liveness.ts';

/** A load whose worker keeps answering (it is waiting, not running) may take this many budgets. */
const LOAD_WAIT_BUDGETS = 3;
/** How long a runtime may take to start (before any app code runs), at least: a busy machine's cold start. */
const RUNTIME_START_MS = 10_000;

export type LoadVerdict = { kind: 'wait'; at: number } | { kind: 'not-started' } | { kind: 'hung' } | { kind: 'waited' };

/** The bound on a runtime's start for a load budget. */
const startBound = (budgetMs: number): number => Math.max(LOAD_WAIT_BUDGETS * budgetMs, RUNTIME_START_MS);

/**
 * `firstAnswerAt`, `lastAnswerAt`: when the worker first and last answered a ping (null: never).
 * The first answer marks the runtime up: the app's code runs only after it, so the budget counts
 * from there. Times in ms of one clock.
 */
export function judgeLoad(startedAt: number, now: number, firstAnswerAt: number | null, lastAnswerAt: number | null, budgetMs: number): LoadVerdict {
  if (firstAnswerAt === null || lastAnswerAt === null) {
    const end = startedAt + startBound(budgetMs);
    return now >= end ? { kind: 'not-started' } : { kind: 'wait', at: Math.min(end, Math.max(now, startedAt) + budgetMs) };
  }
  if (now - firstAnswerAt < budgetMs) return { kind: 'wait', at: firstAnswerAt + budgetMs };
  const silent = now - lastAnswerAt;
  if (silent >= budgetMs) return { kind: 'hung' };
  // Running since its last answer: it gets the whole budget of running from that answer.
  if (silent >= STALE_MS) return { kind: 'wait', at: lastAnswerAt + budgetMs };
  const waitEnd = firstAnswerAt + LOAD_WAIT_BUDGETS * budgetMs;
  if (now >= waitEnd) return { kind: 'waited' };
  return { kind: 'wait', at: Math.min(waitEnd, lastAnswerAt + budgetMs) };
}

/** What the user reads for each verdict (the load's failure message). */
export function loadFailure(verdict: Exclude<LoadVerdict, { kind: 'wait' }>['kind'], budgetMs: number): string {
  const limit = `${budgetMs} ms (hookscope's limit for loading an app)`;
  const sticky = 'it stays failed until its code changes or the per-call timeout is raised';
  switch (verdict) {
    case 'hung':
      return `loading the app did not finish: its code ran for ${limit} without a break (an endless loop in its constructor or top-level code?); ${sticky}`;
    case 'waited':
      return `loading the app did not finish within ${LOAD_WAIT_BUDGETS * budgetMs} ms (${LOAD_WAIT_BUDGETS} times hookscope's limit for loading an app, ${budgetMs} ms): its worker kept answering, so the load was waiting for something that did not come (a promise in initialize or onEnable that never settles?); ${sticky}`;
    case 'not-started':
      return `the app's runtime did not start within ${startBound(budgetMs)} ms, so none of the app's code ran (a busy machine?); the next action tries again`;
  }
}
