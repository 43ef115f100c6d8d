/**
 * Which call the code running right now belongs to. There is no async context propagation in a
 * browser worker, so this is a plain variable that every entry point sets: a `call` message
 * (around the method invocation), an accessor response (before the awaiting continuation runs),
 * a timer callback (to the call that scheduled it). Code running between two entry points is
 * attributed to the last one set. Good enough to attribute logs, requests and timers; two calls
 * interleaving inside one microtask burst can be misattributed.
 */
export interface CallContext {
  current: string | null;
}

export function createCallContext(): CallContext {
  return { current: null };
}
