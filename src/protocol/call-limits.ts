/**
 * hookscope's own per-call budgets (Rocket.Chat has none of them). App code is untrusted and runs
 * beside the page: a handler that floods the host with requests, writes, a huge result, huge logs
 * or a huge error would freeze it. The runtime enforces these and the host checks them again where
 * the messages arrive. Each default is far above what any real app does in one event handler.
 */
import type { Preview } from './runtime-protocol.ts';

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

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Characters a logged value puts into the run log (the text of its preview). */
export function previewChars(p: Preview): number {
  switch (p.t) {
    case 'str':
    case 'num':
    case 'date':
    case 'sym':
      return p.v.length;
    case 'err':
      return p.message.length + (p.stack?.length ?? 0) + p.className.length;
    case 'fn':
      return p.name.length;
    case 'arr':
    case 'set':
      return p.items.reduce((n, i) => n + previewChars(i) + 2, 2);
    case 'obj':
      return p.entries.reduce((n, [k, v]) => n + k.length + previewChars(v) + 2, p.className.length + 2);
    case 'map':
      return p.entries.reduce((n, [k, v]) => n + previewChars(k) + previewChars(v) + 2, 2);
    default:
      return 4;
  }
}
