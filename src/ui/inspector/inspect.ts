/**
 * What the inspector shows for a selected graph node, derived from the run's trace (pure; tested
 * in Node): the calls with their arguments and answers, the room diff of an Extend/Modify
 * handler, which of its changes the host applied or dropped, accessor traffic, logs, leftovers.
 */
import diff from 'microdiff';
import type { WireError } from '../../protocol/runtime-protocol.ts';
import type { TraceEvent } from '../../engine/trace.ts';
import type { GraphNode } from '../../graph/types.ts';

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
}

export interface FieldFate {
  path: string;
  before: unknown;
  after: unknown;
  /** What became of this change at the end of the chain. */
  fate: 'applied' | 'dropped' | 'lost' | 'replaced' | 'unknown';
  reason?: string;
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

const CHAIN_EVENTS = new Set(['IPreRoomCreateExtend', 'IPreRoomCreateModify']);

function roomOf(arg: unknown): unknown {
  if (arg && typeof arg === 'object' && 'room' in arg && 'usernames' in arg) return (arg as { room: unknown }).room;
  return arg;
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function inspect(events: readonly TraceEvent[], node: GraphNode | null): Inspection {
  const merge = events.find((e): e is Ev<'merge'> => e.type === 'merge');
  const empty: Inspection = { calls: [], fields: [], accessors: [], logs: [], pending: [], settled: [], ...(merge ? { merge } : {}) };
  if (!node || node.kind !== 'handler') return empty;
  const ids = new Set(node.callIds);
  const calls: InspectedCall[] = [];
  for (const e of events) {
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
      ...(end && 'result' in end ? { result: end.result } : {}),
      ...(end?.error ? { error: end.error } : {}),
    });
  }
  const execute = calls.find((c) => c.role === 'execute');
  const fields: FieldFate[] = [];
  if (execute && CHAIN_EVENTS.has(node.event) && execute.result && typeof execute.result === 'object') {
    const before = roomOf(execute.args[0]) as Record<string, unknown>;
    const after = execute.result as Record<string, unknown>;
    const final = finalChainResult(events);
    for (const change of diff(before ?? {}, after, { cyclesFix: false })) {
      if (change.path[0] === '_USERNAMES') continue;
      const top = String(change.path[0]);
      const path = pathText(change.path);
      const value = { path, before: 'oldValue' in change ? change.oldValue : undefined, after: 'value' in change ? change.value : undefined };
      if (!merge) fields.push({ ...value, fate: 'unknown' });
      else if (merge.chainBroken) fields.push({ ...value, fate: 'lost', reason: 'the chain ended with null: nothing was applied' });
      else {
        const dropped = merge.dropped.find((d) => d.field === top);
        if (dropped) fields.push({ ...value, fate: 'dropped', reason: dropped.reason });
        else if (sameJson(valueAt(final, change.path), value.after)) fields.push({ ...value, fate: 'applied' });
        else fields.push({ ...value, fate: 'replaced', reason: 'a later app returned a room without this change' });
      }
    }
  }
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

/** The room the Extend -> Modify chain ended with (the last execute that returned). */
function finalChainResult(events: readonly TraceEvent[]): unknown {
  let result: unknown = undefined;
  for (const e of events) {
    if (e.type === 'call-end' && e.call.role === 'execute' && CHAIN_EVENTS.has(e.call.event) && e.status === 'returned') result = e.result;
  }
  return result;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `File.ts:12:5` frames in a stack, for links into the editor. */
export function stackFrames(stack: string | undefined): { text: string; file: string | null; line: number | null; column: number | null }[] {
  if (!stack) return [];
  return stack.split('\n').map((text) => {
    const m = /([\w./-]+\.(?:ts|js|tsx|jsx)):(\d+)(?::(\d+))?/.exec(text);
    return m ? { text, file: m[1] ?? null, line: Number(m[2]), column: m[3] ? Number(m[3]) : null } : { text, file: null, line: null, column: null };
  });
}
