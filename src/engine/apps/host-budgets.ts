/**
 * The host's own check of the per-call budgets ({@link CALL_LIMITS}) where the runtime's messages
 * arrive: a runtime is app code's neighbour and is not trusted to have enforced them. Requests
 * beyond the budget are refused without reaching the bridges, log lines beyond the character
 * budget are dropped and counted, a result over the size limit becomes an error.
 */
import { CALL_LIMITS, formatCount, previewChars } from '../../protocol/call-limits.ts';
import type { Preview } from '../../protocol/runtime-protocol.ts';

const KEPT = 500;
/** The runtime allows this many requests per call, late ones included. */
const MAX_REQUESTS = CALL_LIMITS.requests + CALL_LIMITS.lateRequests;

interface Count {
  requests: number;
  logChars: number;
  droppedLogs: number;
}

export class HostBudgets {
  private counts = new Map<string, Count>();

  private countOf(callId: string): Count {
    let c = this.counts.get(callId);
    if (!c) {
      c = { requests: 0, logChars: 0, droppedLogs: 0 };
      this.counts.set(callId, c);
      if (this.counts.size > KEPT) this.counts.delete(this.counts.keys().next().value as string);
    }
    return c;
  }

  /** Null when the request may reach the bridges, else why not. */
  request(callId: string | null): string | null {
    if (callId === null) return null;
    const c = this.countOf(callId);
    c.requests += 1;
    return c.requests > MAX_REQUESTS
      ? `${formatCount(c.requests)} requests: stopped after ${formatCount(MAX_REQUESTS)} (hookscope's limit per call, checked by the host); the call was ended`
      : null;
  }

  /** True when the logged line still fits the call's budget; otherwise it is counted as dropped (the running total). */
  log(callId: string | null, args: readonly Preview[]): { ok: true } | { ok: false; dropped: number } {
    if (callId === null) return { ok: true };
    const c = this.countOf(callId);
    let chars = 0;
    for (const a of args) chars += previewChars(a);
    if (c.logChars + chars > CALL_LIMITS.logChars * 1.1) {
      c.droppedLogs += 1;
      return { ok: false, dropped: c.droppedLogs };
    }
    c.logChars += chars;
    return { ok: true };
  }

  /** Why a result (msgpack base64) is too large, or null. */
  result(wire: string): string | null {
    return wire.length > CALL_LIMITS.resultChars
      ? `the result is ${formatCount(wire.length)} characters on the wire, over hookscope's limit of ${formatCount(CALL_LIMITS.resultChars)} (checked by the host)`
      : null;
  }
}
