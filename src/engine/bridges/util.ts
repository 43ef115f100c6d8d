/** Small helpers shared by the bridge handlers. */
import type { BridgeContext } from './types.ts';

export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The object's field if the value is an object, else undefined. */
export function field(x: unknown, key: string): unknown {
  return isObj(x) ? x[key] : undefined;
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** `obj.id` when it is a non-empty string (how RC checks `sender.id`, `room.id`...). */
export function idOf(x: unknown): string | undefined {
  const id = field(x, 'id');
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The world's "now" as a Date (the injected clock). */
export function now(ctx: BridgeContext): Date {
  return new Date(ctx.env.clock.now());
}

/** A fresh id from the injected id source that no existing record already uses. */
export function freshId(ctx: BridgeContext, kind: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = ctx.env.ids.next(kind);
    if (!taken(id)) return id;
  }
}

/** A Date from a Date or a parsable string/number, else undefined. */
export function asDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Deep copy of plain data (what a store or a reply must hold, never the caller's object). */
export function copy<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}
