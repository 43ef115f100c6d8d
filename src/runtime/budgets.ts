/**
 * The runtime side of the per-call budgets ({@link CALL_LIMITS}): counts each call's requests and
 * writes, refuses those beyond the budget and ends the call at once with what was cut
 * ("2,001 requests: stopped after 2,000; the call was ended"); counts what a call does after it
 * answered (left-over timers) and, beyond the late budget, stops its intervals.
 */
import type { AccessorOp, WireError } from '../protocol/runtime-protocol.ts';
import type { CallRequest } from './requests.ts';
import { RPC, isWriteOp } from '../protocol/runtime-protocol.ts';
import { CALL_LIMITS, formatCount } from '../protocol/call-limits.ts';
import { plainError } from './errors.ts';

export type Limits = { -readonly [K in keyof typeof CALL_LIMITS]: number };

interface Count {
  requests: number;
  writes: number;
  late: number;
  logChars: number;
  answered: boolean;
  exceeded: WireError | null;
  onExceeded: ((error: WireError) => void) | null;
}

export interface CallBudgets {
  /** `request` with the budgets applied: refused requests reject at once without reaching the host. */
  guard(request: CallRequest): CallRequest;
  /** Resolves with the error that ended the call when it goes over a budget (never otherwise). */
  exceeded(callId: string): Promise<WireError>;
  /** The call answered: what it does from now on is late activity. */
  answered(callId: string): void;
  /** True when a logged line of this size still fits the call's log budget (counts it). */
  admitLog(callId: string | null, chars: number): boolean;
}

const KEPT = 500;

export function createCallBudgets(stopIntervals: (callId: string) => void, limits: Limits = { ...CALL_LIMITS }): CallBudgets {
  const counts = new Map<string, Count>();
  const countOf = (callId: string): Count => {
    let c = counts.get(callId);
    if (!c) {
      c = { requests: 0, writes: 0, late: 0, logChars: 0, answered: false, exceeded: null, onExceeded: null };
      counts.set(callId, c);
      if (counts.size > KEPT) counts.delete(counts.keys().next().value as string);
    }
    return c;
  };

  const exceed = (c: Count, message: string): WireError => {
    const error = plainError(RPC.internalError, message, 'BudgetExceeded');
    if (!c.exceeded) {
      c.exceeded = error;
      c.onExceeded?.(error);
    }
    return c.exceeded;
  };

  /** Null when the request may go, else why it is refused. */
  function admit(callId: string, op: AccessorOp): string | null {
    const c = countOf(callId);
    if (c.exceeded) return c.exceeded.message;
    if (c.answered) {
      c.late += 1;
      if (c.late > limits.lateRequests) {
        stopIntervals(callId);
        return exceed(
          c,
          `${formatCount(c.late)} requests after the call answered: stopped after ${formatCount(limits.lateRequests)} (hookscope's limit for left-over timers and un-awaited work); its intervals were cleared`,
        ).message;
      }
      return null;
    }
    c.requests += 1;
    if (c.requests > limits.requests)
      return exceed(c, `${formatCount(c.requests)} requests: stopped after ${formatCount(limits.requests)} (hookscope's limit per call); the call was ended`)
        .message;
    if (isWriteOp(op)) {
      c.writes += 1;
      if (c.writes > limits.writes)
        return exceed(
          c,
          `${formatCount(c.writes)} writes (${op}): stopped after ${formatCount(limits.writes)} (hookscope's limit per call); the call was ended`,
        ).message;
    }
    return null;
  }

  return {
    guard(request) {
      return (callId, op, args) => {
        const refused = callId === null ? null : admit(callId, op);
        return refused === null ? request(callId, op, args) : Promise.reject(new Error(refused));
      };
    },
    exceeded(callId) {
      const c = countOf(callId);
      return new Promise<WireError>((resolve) => {
        if (c.exceeded) resolve(c.exceeded);
        else c.onExceeded = resolve;
      });
    },
    answered(callId) {
      const c = countOf(callId);
      c.answered = true;
      c.onExceeded = null;
    },
    admitLog(callId, chars) {
      if (callId === null) return true;
      const c = countOf(callId);
      if (c.logChars + chars > limits.logChars) return false;
      c.logChars += chars;
      return true;
    },
  };
}

/** Why a returned value (as it crosses, msgpack base64) is too large to send, or null. */
export function resultProblem(wire: string, limit: number = CALL_LIMITS.resultChars): string | null {
  if (wire.length <= limit) return null;
  return `it is ${formatCount(wire.length)} characters on the wire, over hookscope's limit of ${formatCount(limit)} for a result`;
}
