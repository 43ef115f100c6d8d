/**
 * The one computation of what an Extend/Modify handler changed and what the host made of each
 * change (spec section 6). The graph node's effect line, the inspector's field table and the
 * "why" sentence all read it, so they can never disagree.
 */
import diff from 'microdiff';
import type { TraceEvent } from '../engine/trace.ts';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export interface FieldFate {
  path: string;
  /** The top-level IRoom field. */
  field: string;
  before: unknown;
  after: unknown;
  /** What became of this change at the end of the chain. */
  fate: 'applied' | 'dropped' | 'lost' | 'replaced' | 'ignored' | 'unknown';
  reason?: string;
}

export const CHAIN_EVENTS: ReadonlySet<string> = new Set(['IPreRoomCreateExtend', 'IPreRoomCreateModify']);

export function roomOf(arg: unknown): unknown {
  if (arg && typeof arg === 'object' && 'room' in arg && 'usernames' in arg) return (arg as { room: unknown }).room;
  return arg;
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The changes one execute call returned (its room argument -> the room it returned) and their
 * fate, read from the run's `merge` event: applied only if the host applied that field with that
 * value; a field the returned room leaves out is ignored (the host keeps its own value).
 */
export function chainFieldFates(events: readonly TraceEvent[], callId: string): FieldFate[] {
  const start = events.find((e): e is Ev<'call-start'> => e.type === 'call-start' && e.call.callId === callId);
  const end = events.find((e): e is Ev<'call-end'> => e.type === 'call-end' && e.call.callId === callId);
  if (!start || !end || start.call.role !== 'execute' || !CHAIN_EVENTS.has(start.call.event)) return [];
  if (end.status !== 'returned' || !end.result || typeof end.result !== 'object') return [];
  const before = (roomOf(start.args[0]) ?? {}) as Record<string, unknown>;
  const after = end.result as Record<string, unknown>;
  const merge = events.find((e): e is Ev<'merge'> => e.type === 'merge');
  const final = finalChainResult(events);
  const fates: FieldFate[] = [];
  for (const change of diff(before, after, { cyclesFix: false })) {
    const field = String(change.path[0]);
    if (field === '_USERNAMES') continue;
    const value = {
      path: pathText(change.path),
      field,
      before: 'oldValue' in change ? change.oldValue : undefined,
      after: 'value' in change ? change.value : undefined,
    };
    if (change.type === 'REMOVE' && change.path.length === 1) {
      fates.push({ ...value, fate: 'ignored', reason: 'left out of the returned room: the host keeps its own value' });
      continue;
    }
    if (!merge) {
      fates.push({ ...value, fate: 'unknown' });
      continue;
    }
    if (merge.chainBroken) {
      fates.push({ ...value, fate: 'lost', reason: 'the chain ended with null: nothing was applied' });
      continue;
    }
    const dropped = merge.dropped.find((d) => d.field === field);
    if (dropped) {
      fates.push({ ...value, fate: 'dropped', reason: dropped.reason });
      continue;
    }
    const applied = merge.applied.some((a) => a.field === field);
    if (applied && sameJson(valueAt(final, change.path), value.after)) fates.push({ ...value, fate: 'applied' });
    else if (!sameJson(valueAt(final, change.path), value.after))
      fates.push({ ...value, fate: 'replaced', reason: 'a later app returned a room without this change' });
    else fates.push({ ...value, fate: 'ignored', reason: 'the host did not apply this field' });
  }
  return fates;
}

/** The room the Extend -> Modify chain ended with (the last execute that returned). */
export function finalChainResult(events: readonly TraceEvent[]): unknown {
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

/** One change in words, as a user would say it: "added customFields.department", "renamed to team-x". */
export function changeWords(f: FieldFate): string {
  const v = (x: unknown) => (typeof x === 'string' ? `"${x.length > 24 ? `${x.slice(0, 23)}…` : x}"` : (JSON.stringify(x) ?? 'undefined'));
  if (f.path === 'slugifiedName') return `renamed to ${typeof f.after === 'string' ? f.after : v(f.after)}`;
  if (f.path === 'displayName') return `display name ${v(f.after)}`;
  if (f.fate === 'ignored' && f.after === undefined) return `left out ${f.path}`;
  if (f.before === undefined) {
    const keys = f.after && typeof f.after === 'object' && !Array.isArray(f.after) ? Object.keys(f.after) : [];
    return keys.length ? `added ${keys.map((k) => `${f.path}.${k}`).join(', ')}` : `added ${f.path}`;
  }
  if (f.after === undefined) return `removed ${f.path}`;
  return `set ${f.path} to ${v(f.after)}`;
}
