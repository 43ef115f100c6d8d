import { describe, expect, it } from 'vitest';
import { toPreview } from './preview.ts';
import { rewriteStack, firstAppSite } from './stack.ts';
import { safeJson, toWireError } from './errors.ts';

describe('toPreview', () => {
  it('renders primitives', () => {
    expect([1.5, -0, NaN, 10n, true, null, undefined, Symbol('s'), 'x'].map((v) => toPreview(v))).toEqual([
      { t: 'num', v: '1.5' },
      { t: 'num', v: '-0' },
      { t: 'num', v: 'NaN' },
      { t: 'num', v: '10n' },
      { t: 'bool', v: true },
      { t: 'null' },
      { t: 'undef' },
      { t: 'sym', v: 'Symbol(s)' },
      { t: 'str', v: 'x' },
    ]);
    expect(toPreview(function named() {})).toEqual({ t: 'fn', name: 'named' });
    expect(toPreview(() => 1)).toEqual({ t: 'fn', name: 'anonymous' });
  });

  it('renders Date, Map, Set, class instances and cycles', () => {
    const o: Record<string, unknown> = { d: new Date('2020-01-01T00:00:00Z'), bad: new Date(NaN) };
    o['self'] = o;
    class Foo {
      x = new Map<unknown, unknown>([[{ k: 1 }, new Set([1])]]);
    }
    o['foo'] = new Foo();
    expect(toPreview(o)).toEqual({
      t: 'obj',
      className: 'Object',
      more: 0,
      entries: [
        ['d', { t: 'date', v: '2020-01-01T00:00:00.000Z' }],
        ['bad', { t: 'date', v: 'Invalid Date' }],
        ['self', { t: 'cycle' }],
        [
          'foo',
          {
            t: 'obj',
            className: 'Foo',
            more: 0,
            entries: [
              [
                'x',
                {
                  t: 'map',
                  more: 0,
                  entries: [
                    [
                      { t: 'obj', className: 'Object', entries: [['k', { t: 'num', v: '1' }]], more: 0 },
                      { t: 'set', items: [{ t: 'num', v: '1' }], more: 0 },
                    ],
                  ],
                },
              ],
            ],
          },
        ],
      ],
    });
    const shared = { s: 1 };
    expect(toPreview([shared, shared])).toEqual({
      t: 'arr',
      more: 0,
      items: [
        { t: 'obj', className: 'Object', entries: [['s', { t: 'num', v: '1' }]], more: 0 },
        { t: 'obj', className: 'Object', entries: [['s', { t: 'num', v: '1' }]], more: 0 },
      ],
    });
  });

  it('renders errors with class name, message and app-only stack', () => {
    class MyErr extends Error {}
    const e = new MyErr('boom');
    e.stack = 'Error: boom\n    at run (app:///lib/x.ts:3:9)\n    at runtime (file:///work/src/runtime/call.ts:1:1)';
    expect(toPreview(e)).toEqual({ t: 'err', className: 'MyErr', message: 'boom', stack: 'Error: boom\n    at run (lib/x.ts:3:9)' });
  });

  it('limits depth, length and string size; survives throwing getters', () => {
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    const p = toPreview(deep, { depth: 2, items: 50, stringLength: 100 });
    expect(p).toEqual({
      t: 'obj',
      className: 'Object',
      more: 0,
      entries: [['a', { t: 'obj', className: 'Object', more: 0, entries: [['b', { t: 'trunc' }]] }]],
    });
    expect(toPreview([1, 2, 3, 4], { depth: 5, items: 2, stringLength: 100 })).toEqual({
      t: 'arr',
      items: [
        { t: 'num', v: '1' },
        { t: 'num', v: '2' },
      ],
      more: 2,
    });
    expect(toPreview('abcdef', { depth: 5, items: 2, stringLength: 3 })).toEqual({ t: 'str', v: 'abc… (3 more characters)' });
    const g = Object.defineProperty({}, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('nope');
      },
    });
    expect(toPreview(g)).toEqual({ t: 'obj', className: 'Object', more: 0, entries: [['bad', { t: 'str', v: '[getter threw: nope]' }]] });
    expect(toPreview(Object.create(null))).toEqual({ t: 'obj', className: 'Object', entries: [], more: 0 });
  });
});

describe('stacks and errors', () => {
  it('rewrites V8 and Firefox frames and finds the first app site', () => {
    const v8 =
      'TypeError: x\n    at capture (file:///r/src/runtime/capture.ts:9:1)\n    at A.m (app:///MyApp.ts:12:5)\n    at async Promise.all (index 0)\n    at app:///lib/h.ts:2:1';
    expect(rewriteStack(v8)).toBe('TypeError: x\n    at A.m (MyApp.ts:12:5)\n    at lib/h.ts:2:1');
    expect(firstAppSite(v8)).toBe('MyApp.ts:12');
    expect(firstAppSite('m@blob:null/abc:1:1\nrun@app:///x.ts:7:3')).toBe('x.ts:7');
    expect(firstAppSite('Error: at app:///fake.ts:1:1')).toBeUndefined();
  });

  it('safeJson survives cycles and exotic values', () => {
    const o: Record<string, unknown> = { a: [1, 2], f: function q() {}, b: 2n };
    o['me'] = o;
    expect(safeJson(o)).toBe('{"a":[1,2],"f":"[Function q]","b":"2n","me":"[Circular]"}');
    expect(safeJson('x'.repeat(600)).length).toBe(501);
  });

  it('classifies non-error throws', () => {
    expect(toWireError(42)).toEqual({ code: -32603, name: 'number', className: 'number', message: '42', thrownKind: 'other' });
    expect(toWireError(new TypeError('t'))).toMatchObject({ code: -32603, name: 'TypeError', className: 'TypeError', message: 't', thrownKind: 'error' });
  });
});
