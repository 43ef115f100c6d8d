/**
 * Values that cross the host <-> app boundary.
 *
 * Rocket.Chat serializes every call with msgpack, so an app always receives an independent deep
 * copy and Dates survive (spec section 3). We mirror that with JSON plus a tagged encoding for
 * Dates and `undefined` inside objects is dropped, as msgpack does for missing keys.
 *
 * `encodeWire` throws {@link WireEncodeError} for values that cannot cross (cycles, functions as
 * the value itself, symbols, bigint); callers turn that into the right protocol error.
 */

/** A JSON-safe tree; Dates are `{ "$date": "<ISO>" }`. */
export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

export class WireEncodeError extends Error {
  override readonly name = 'WireEncodeError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const DATE_TAG = '$date';

export function encodeWire(value: unknown): Wire {
  return encodeAt(value, '$', new Set<object>());
}

function encodeAt(value: unknown, path: string, stack: Set<object>): Wire {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      throw new WireEncodeError(`a BigInt cannot be serialized (at ${path})`, path);
    case 'symbol':
      throw new WireEncodeError(`a Symbol cannot be serialized (at ${path})`, path);
    case 'function':
      throw new WireEncodeError(`a function cannot be serialized (at ${path})`, path);
    default:
      break;
  }
  const obj = value as object;
  if (obj instanceof Date) {
    return Number.isNaN(obj.getTime()) ? null : { [DATE_TAG]: obj.toISOString() };
  }
  if (stack.has(obj)) {
    throw new WireEncodeError(`a cyclic structure cannot be serialized (at ${path})`, path);
  }
  stack.add(obj);
  try {
    if (Array.isArray(obj)) {
      return obj.map((item, i) => encodeAt(item, `${path}[${i}]`, stack));
    }
    // Like msgpack (what Rocket.Chat uses), class instances travel as their own enumerable
    // properties: `toJSON` is not consulted (so a returned Room keeps `_USERNAMES`).
    if (obj instanceof Map) {
      const out: Record<string, Wire> = {};
      for (const [k, v] of obj) out[String(k)] = encodeAt(v, `${path}.${String(k)}`, stack);
      return out;
    }
    if (obj instanceof Set) {
      return [...obj].map((item, i) => encodeAt(item, `${path}[${i}]`, stack));
    }
    const out: Record<string, Wire> = {};
    for (const key of Object.keys(obj)) {
      const item = (obj as Record<string, unknown>)[key];
      // msgpack (like JSON) drops undefined properties and function-valued properties.
      if (item === undefined || typeof item === 'function') continue;
      out[key] = encodeAt(item, `${path}.${key}`, stack);
    }
    return out;
  } finally {
    stack.delete(obj);
  }
}

/** Turns a wire tree back into plain values with real Dates. Always returns a fresh copy. */
export function decodeWire(wire: Wire): unknown {
  if (wire === null || typeof wire !== 'object') return wire;
  if (Array.isArray(wire)) return wire.map(decodeWire);
  const keys = Object.keys(wire);
  if (keys.length === 1 && keys[0] === DATE_TAG && typeof wire[DATE_TAG] === 'string') {
    return new Date(wire[DATE_TAG]);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decodeWire(wire[key] as Wire);
  return out;
}

/** Deep copy through the wire encoding (what crossing the process boundary does to a value). */
export function wireCopy<T>(value: T): T {
  return decodeWire(encodeWire(value)) as T;
}

export function isWire(value: unknown, depth = 0): value is Wire {
  if (depth > 200) return false;
  if (value === null) return true;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every((v) => isWire(v, depth + 1));
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
      return Object.values(value as object).every((v) => isWire(v, depth + 1));
    default:
      return false;
  }
}
