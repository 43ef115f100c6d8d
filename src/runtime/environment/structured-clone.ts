/** `structuredClone` for realms without it (HTML structured clone of plain data; functions throw). */
export function structuredCloneImpl<T>(value: T): T {
  return cloneAt(value, new Map());
}

function dataCloneError(what: string): Error {
  const e = new Error(`${what} could not be cloned.`);
  e.name = 'DataCloneError';
  return e;
}

function cloneAt<T>(value: T, seen: Map<unknown, unknown>): T {
  if (typeof value === 'function') throw dataCloneError(String((value as { name?: string }).name || 'function'));
  if (typeof value === 'symbol') throw dataCloneError('Symbol');
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value) as T;
  const v = value as unknown;
  let out: unknown;
  if (v instanceof Date) out = new Date(v.getTime());
  else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
  else if (v instanceof ArrayBuffer) out = v.slice(0);
  else if (ArrayBuffer.isView(v)) {
    const Ctor = (v as unknown as { constructor: new (b: ArrayBuffer) => unknown }).constructor;
    out = new Ctor((v.buffer as ArrayBuffer).slice(v.byteOffset, v.byteOffset + v.byteLength));
  } else if (v instanceof Map) {
    const m = new Map();
    seen.set(v, m);
    for (const [k, x] of v) m.set(cloneAt(k, seen), cloneAt(x, seen));
    return m as T;
  } else if (v instanceof Set) {
    const s = new Set();
    seen.set(v, s);
    for (const x of v) s.add(cloneAt(x, seen));
    return s as T;
  } else if (v instanceof Error) {
    const e = new Error(v.message);
    e.name = v.name;
    if (v.stack !== undefined) e.stack = v.stack;
    out = e;
  } else {
    const o: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    seen.set(v, o);
    for (const key of Object.keys(v as object)) (o as Record<string, unknown>)[key] = cloneAt((v as Record<string, unknown>)[key], seen);
    return o as T;
  }
  seen.set(v, out);
  return out as T;
}
