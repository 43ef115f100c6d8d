/** Spec 7.3 (Wire) and 3: what crossing the boundary does to a value, as msgpack does on the server. */
import { describe, expect, it } from 'vitest';
import { WireEncodeError, decodeWire, encodeWire, isWire, wireCopy } from './wire.ts';

describe('wire (msgpack, the server options)', () => {
  it('undefined becomes null inside objects, arrays and as the value itself', () => {
    expect(wireCopy({ a: undefined, b: 1 })).toEqual({ a: null, b: 1 });
    expect(wireCopy([undefined, 2])).toEqual([null, 2]);
    expect(wireCopy(undefined)).toBeNull();
  });

  it('Map and Set become {}; class instances travel as their own enumerable fields', () => {
    expect(wireCopy({ m: new Map([[1, 2]]), s: new Set([1]) })).toEqual({ m: {}, s: {} });
    class Room {
      _USERNAMES = ['a'];
      get usernames() {
        return this._USERNAMES;
      }
    }
    expect(wireCopy(new Room())).toEqual({ _USERNAMES: ['a'] });
  });

  it('NaN and Infinity survive; a Uint8Array stays binary; Dates survive', () => {
    const out = wireCopy({ n: NaN, i: Infinity, m: -Infinity, b: new Uint8Array([1, 2, 3]), d: new Date(1234567890123) }) as Record<string, unknown>;
    expect(out['n']).toBeNaN();
    expect(out['i']).toBe(Infinity);
    expect(out['m']).toBe(-Infinity);
    expect(out['b']).toBeInstanceOf(Uint8Array);
    expect([...(out['b'] as Uint8Array)]).toEqual([1, 2, 3]);
    expect(out['d']).toBeInstanceOf(Date);
    expect((out['d'] as Date).getTime()).toBe(1234567890123);
  });

  it('a { $date } object stays an object', () => {
    expect(wireCopy({ createdAt: { $date: '2020-01-01T00:00:00.000Z' } })).toEqual({ createdAt: { $date: '2020-01-01T00:00:00.000Z' } });
  });

  it('a function property, a symbol, a BigInt or a cycle makes the encode throw, naming where', () => {
    expect(() => encodeWire({ a: { f: () => 1 } })).toThrow(new WireEncodeError('a function cannot be serialized (at $.a.f)', '$.a.f'));
    expect(() => encodeWire([Symbol('x')])).toThrow(/a Symbol cannot be serialized \(at \$\[0\]\)/);
    expect(() => encodeWire({ n: 10n })).toThrow(/a BigInt cannot be serialized/);
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => encodeWire(loop)).toThrow(/a cyclic structure cannot be serialized \(at \$\.self\)/);
  });

  it('each decode is a fresh copy; isWire accepts only msgpack documents', () => {
    const w = encodeWire({ a: [1] });
    expect(decodeWire(w)).not.toBe(decodeWire(w));
    expect(isWire(w)).toBe(true);
    expect(isWire({ a: 1 })).toBe(false);
    expect(isWire('not base64!')).toBe(false);
    expect(isWire('')).toBe(false);
  });
});
