/** Derives one handler node's state from the trace events of its calls. */
import type { WireError } from '../protocol/runtime-protocol.ts';
import type { TraceEvent } from '../engine/trace.ts';
import type { HandlerState } from './types.ts';

type CallEnd = Extract<TraceEvent, { type: 'call-end' }>;
type CallStart = Extract<TraceEvent, { type: 'call-start' }>;
type Skip = Extract<TraceEvent, { type: 'listener-skipped' }>;

export interface HandlerFacts {
  paused: CallStart['call'][];
  starts: CallStart[];
  ends: CallEnd[];
  skip?: Skip;
}

export interface HandlerView {
  state: HandlerState;
  detail: string;
  effect?: string;
  durationMs?: number;
  error?: WireError;
  callIds: string[];
}

export function short(value: unknown, max = 40): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) text = text.length > max ? `{…${Object.keys(value).length} fields}` : text;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function errorLine(e: WireError | undefined): string {
  return e ? `${e.className}: ${e.message}` : 'error';
}

/** `preventedBy` is the call id a Prevent phase named as the one that prevented. */
export function handlerView(facts: HandlerFacts, preventedBy: Set<string>): HandlerView | null {
  const callIds = facts.starts.map((s) => s.call.callId);
  const durationMs = facts.ends.reduce((sum, e) => sum + e.durationMs, 0);
  const base = { callIds, ...(facts.ends.length ? { durationMs } : {}) };
  const execEnd = facts.ends.find((e) => e.call.role === 'execute');
  const checkEnd = facts.ends.find((e) => e.call.role === 'check');
  const running = facts.starts.find((s) => !facts.ends.some((e) => e.call.callId === s.call.callId));
  if (running) return { ...base, state: 'running', detail: `${running.call.method}…` };
  const waiting = facts.paused.find((c) => !facts.starts.some((s) => s.call.callId === c.callId));
  if (waiting) return { ...base, state: 'paused', detail: `${waiting.method} is next: press Step` };
  if (facts.skip) {
    const reason = facts.skip.reason;
    if (reason === 'not-reached') return { ...base, state: 'not-reached', detail: 'an earlier app ended the loop' };
    if (reason === 'method-missing') return { ...base, state: 'not-implemented', detail: 'no execute method: this profile skips it (no "method not found")' };
    if (reason === 'chain-broken')
      return { ...base, state: 'chain-broken', detail: 'room was null: call refused', ...(checkEnd ? { effect: checkEnd.effect } : {}) };
    return {
      ...base,
      state: 'skipped-check',
      detail: checkEnd ? `check returned ${checkEnd.status === 'returned' ? short(checkEnd.result) : checkEnd.status}` : 'check failed',
      ...(checkEnd ? { effect: checkEnd.effect } : {}),
    };
  }
  const end = execEnd ?? checkEnd;
  if (!end) return null;
  const withEnd = { ...base, effect: end.effect, ...(end.error ? { error: end.error } : {}) };
  switch (end.status) {
    case 'returned':
      if (preventedBy.has(end.call.callId)) return { ...withEnd, state: 'prevented', detail: `returned ${short(end.result)}` };
      return { ...withEnd, state: 'returned', detail: `returned ${short(end.result)}` };
    case 'threw':
      return { ...withEnd, state: 'threw', detail: errorLine(end.error) };
    case 'threw-apps-engine':
      return { ...withEnd, state: 'threw-stopped', detail: errorLine(end.error) };
    case 'not-found':
      return { ...withEnd, state: 'not-found', detail: `${end.call.method} does not exist` };
    case 'invalid-params':
      return { ...withEnd, state: 'chain-broken', detail: 'room was null: call refused' };
    case 'timed-out':
      return { ...withEnd, state: 'timed-out', detail: 'no answer in time' };
    case 'stopped':
      return { ...withEnd, state: 'stopped', detail: 'stopped by the user' };
    case 'crashed':
      return { ...withEnd, state: 'crashed', detail: end.error?.message ?? 'the runtime failed' };
  }
}
