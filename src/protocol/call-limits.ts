/**
 * hookscope's own per-call budgets (Rocket.Chat has none of them). App code is untrusted and runs
 * beside the page: a handler that floods the host with requests, writes, a huge result, huge logs
 * or a huge error would freeze it. The runtime enforces these and the host checks them again where
 * the messages arrive. Each default is far above what any real app does in one event handler.
 */
export const CALL_LIMITS = {
  /** Accessor requests (reads and writes) one call may make. */
  requests: 2000,
  /** Writes (modify finish/delete/notify, persistence writes, settings updates) one call may make. */
  writes: 500,
  /** Requests one call may still make after it answered (left-over timers, un-awaited work). */
  lateRequests: 200,
  /** Size of a returned value as it crosses to the host (msgpack, base64 characters). */
  resultChars: 1_000_000,
  /** Characters of logged values one call may put into the run log. */
  logChars: 200_000,
  /** Characters kept of an error's message, and of its stack. */
  errorChars: 20_000,
} as const;

/** Requests that change the world. */
export function isWriteOp(op: string): boolean {
  return op.startsWith('modify.') || (op.startsWith('persistence.') && !op.includes('.read')) || op === 'settings.update';
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');
