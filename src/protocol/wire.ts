/**
 * Values that cross the host <-> app boundary, encoded as the Rocket.Chat server does (spec 3 and
 * 7.3, Wire): msgpack with `@msgpack/msgpack` and the server's options (`new Encoder({})`,
 * `new Decoder({})`). So, exactly as there:
 * - an app always receives an independent deep copy; Dates survive (msgpack timestamp extension);
 * - `undefined` becomes `null` (inside objects and arrays, and as the value itself);
 * - Map and Set travel as their own enumerable properties: `{}`; class instances likewise
 *   (`toJSON` is not consulted, so a returned Room keeps `_USERNAMES`);
 * - NaN and Infinity survive; a Uint8Array stays binary;
 * - a function, symbol or BigInt anywhere in the value makes the encode throw; so does a cycle
 *   (msgpack: "Too deep objects"); an object `{ $date: ... }` stays an object.
 *
 * A {@link Wire} is the msgpack bytes as a base64 string, so protocol messages stay plain JSON /
 * structured-clone data in both runners (the Node runner relays strings only).
 * `encodeWire` throws {@link WireEncodeError} naming where the value cannot cross.
 */
import { Decoder, Encoder } from '@msgpack/msgpack';
import { Buffer } from 'buffer';

/** msgpack bytes, base64. */
export type Wire = string;

export class WireEncodeError extends Error {
  override readonly name = 'WireEncodeError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const encoder = new Encoder({});
const decoder = new Decoder({});
/** msgpack's own depth limit (Encoder `maxDepth` default). */
const MAX_DEPTH = 100;

/** Finds what msgpack would refuse, with its path, for a message that says where. */
function refusal(value: unknown, path: string, stack: Set<object>, depth: number): WireEncodeError | null {
  switch (typeof value) {
    case 'function':
      return new WireEncodeError(`a function cannot be serialized (at ${path})`, path);
    case 'symbol':
      return new WireEncodeError(`a Symbol cannot be serialized (at ${path})`, path);
    case 'bigint':
      return new WireEncodeError(`a BigInt cannot be serialized (at ${path})`, path);
    case 'object':
      break;
    default:
      return null;
  }
  if (value === null || value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  if (stack.has(value)) return new WireEncodeError(`a cyclic structure cannot be serialized (at ${path})`, path);
  if (depth >= MAX_DEPTH) return new WireEncodeError(`the value is nested deeper than ${MAX_DEPTH} levels (at ${path})`, path);
  stack.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const r = refusal(value[i], `${path}[${i}]`, stack, depth + 1);
        if (r) return r;
      }
      return null;
    }
    for (const key of Object.keys(value)) {
      const r = refusal((value as Record<string, unknown>)[key], `${path}.${key}`, stack, depth + 1);
      if (r) return r;
    }
    return null;
  } finally {
    stack.delete(value);
  }
}

export function encodeWire(value: unknown): Wire {
  const refused = refusal(value, '$', new Set(), 0);
  if (refused) throw refused;
  let bytes: Uint8Array;
  try {
    bytes = encoder.encode(value);
  } catch (e) {
    throw new WireEncodeError(`the value cannot be serialized: ${e instanceof Error ? e.message : String(e)}`, '$');
  }
  return Buffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The value a wire string carries: a fresh copy, with real Dates. Throws on malformed input. */
export function decodeWire(wire: Wire): unknown {
  return decoder.decode(Buffer.from(wire, 'base64'));
}

/** Deep copy through the wire encoding (what crossing the process boundary does to a value). */
export function wireCopy<T>(value: T): T {
  return decodeWire(encodeWire(value)) as T;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Shape check for the host's validation of runtime messages: a base64 msgpack document. */
export function isWire(value: unknown): value is Wire {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) return false;
  try {
    decodeWire(value);
    return true;
  } catch {
    return false;
  }
}
