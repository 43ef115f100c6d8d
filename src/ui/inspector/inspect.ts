/**
 * What the inspector shows for a selected graph node, derived from the run's trace (pure; tested
 * in Node): the calls with their arguments and answers, the room diff of an Extend/Modify
 * handler, which of its changes the host applied or dropped, accessor traffic, logs, leftovers.
 */
import type { WireError } from '../../protocol/runtime-protocol.ts';
import type { TraceEvent } from '../../engine/index.ts';
import type { GraphNode } from '../../graph/types.ts';
import { chainFieldFates, type FieldFate } from '../../graph/fields.ts';

export type { FieldFate } from '../../graph/fields.ts';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export interface InspectedCall {
  callId: string;
  role: 'check' | 'execute';
  method: string;
  args: unknown[];
  status: string;
  effect: string;
  result?: unknown;
  error?: WireError;
  durationMs: number;
  /** Cold start: how long the call waited for the app to load before it was made (not in durationMs). */
  loadMs?: number;
  /** The first call of a fresh runtime (its time includes the runtime's warm-up). */
  firstCall?: true;
}

export interface Inspection {
  calls: InspectedCall[];
  fields: FieldFate[];
  accessors: Ev<'accessor'>[];
  logs: (Ev<'log'> | Ev<'logs-dropped'>)[];
  pending: Ev<'call-pending'>[];
  /** What the calls' un-awaited work did after the handler returned (spec 7.2). */
  settled: Ev<'call-settled'>[];
  merge?: Ev<'merge'>;
}

export function inspect(events: readonly TraceEvent[], node: GraphNode | null): Inspection {
  const merge = events.find((e): e is Ev<'merge'> => e.type === 'merge');
  const empty: Inspection = { calls: [], fields: [], accessors: [], logs: [], pending: [], settled: [], ...(merge ? { merge } : {}) };
  if (!node || node.kind !== 'handler') return empty;
  const ids = new Set(node.callIds);
  const calls: InspectedCall[] = [];
  for (const e of events) {
    // Step mode: the call about to be made, with the arguments it will receive.
    if (
      e.type === 'call-paused' &&
      e.call.appId === node.appId &&
      e.call.event === node.event &&
      !events.some((x) => x.type === 'call-start' && x.call.callId === e.call.callId)
    ) {
      calls.push({ callId: e.call.callId, role: e.call.role, method: e.call.method, args: e.args ?? [], status: 'paused', effect: '', durationMs: 0 });
      continue;
    }
    if (e.type !== 'call-start' || !ids.has(e.call.callId)) continue;
    const end = events.find((x): x is Ev<'call-end'> => x.type === 'call-end' && x.call.callId === e.call.callId);
    calls.push({
      callId: e.call.callId,
      role: e.call.role,
      method: e.call.method,
      args: e.args,
      status: end?.status ?? 'running',
      effect: end?.effect ?? '',
      durationMs: end?.durationMs ?? 0,
      ...(end?.loadMs !== undefined ? { loadMs: end.loadMs } : {}),
      ...(end?.firstCall ? { firstCall: true as const } : {}),
      ...(end && 'result' in end ? { result: end.result } : {}),
      ...(end?.error ? { error: end.error } : {}),
    });
  }
  const execute = calls.find((c) => c.role === 'execute');
  // The same computation as the graph node's effect line and the outcome's "why".
  const fields: FieldFate[] = execute ? chainFieldFates(events, execute.callId) : [];
  return {
    calls,
    fields,
    accessors: events.filter((e): e is Ev<'accessor'> => e.type === 'accessor' && e.callId !== null && ids.has(e.callId)),
    logs: events.filter((e): e is Ev<'log'> | Ev<'logs-dropped'> => (e.type === 'log' || e.type === 'logs-dropped') && e.callId !== null && ids.has(e.callId)),
    pending: events.filter((e): e is Ev<'call-pending'> => e.type === 'call-pending' && ids.has(e.call.callId)),
    settled: events.filter((e): e is Ev<'call-settled'> => e.type === 'call-settled' && ids.has(e.call.callId)),
    ...(merge ? { merge } : {}),
  };
}

/** `File.ts:12:5` frames in a stack, for links into the editor. */
export function stackFrames(stack: string | undefined): { text: string; file: string | null; line: number | null; column: number | null }[] {
  if (!stack) return [];
  return stack.split('\n').map((text) => {
    const m = /([\w./-]+\.(?:ts|js|tsx|jsx)):(\d+)(?::(\d+))?/.exec(text);
    return m ? { text, file: m[1] ?? null, line: Number(m[2]), column: m[3] ? Number(m[3]) : null } : { text, file: null, line: null, column: null };
  });
}
