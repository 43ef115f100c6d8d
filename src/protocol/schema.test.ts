/** The schema combinators: what each accepts, and the problem (with its path) of what it refuses. */
import { describe, expect, it } from 'vitest';
import { array, boolean, count, lazy, literal, nullable, object, optional, record, string, tuple, variants, withProblem, type Schema } from './schema.ts';

describe('schema combinators', () => {
  it('primitives and literals name the path and, for literals, the value', () => {
    expect(string.check('a', 'x')).toBeNull();
    expect(string.check(1, 'x')).toBe('x is not a string');
    expect(boolean.check(0, 'x.ok')).toBe('x.ok is not a boolean');
    expect(count.check(2, 'n')).toBeNull();
    expect(count.check(-1, 'n')).toBe('n is not a count');
    expect(count.check(1.5, 'n')).toBe('n is not a count');
    expect(literal('a', 'b').check('b', 'k')).toBeNull();
    expect(literal('a', 'b').check('c', 'k')).toBe('k "c" is unknown');
    expect(literal('a').check(undefined, 'k')).toBe('k undefined is unknown');
    expect(nullable(string).check(null, 'id')).toBeNull();
    expect(nullable(string).check(3, 'id')).toBe('id is not a string or null');
  });

  it('objects check each named field (extra fields pass), optional fields may be absent', () => {
    const s = object({ id: string, tags: array(string), note: optional(string) });
    expect(s.check({ id: 'a', tags: [], extra: 1 }, 'm')).toBeNull();
    expect(s.check({ id: 'a', tags: ['x', 2] }, 'm')).toBe('m.tags[1] is not a string');
    expect(s.check({ id: 'a', tags: [], note: 5 }, 'm')).toBe('m.note is not a string');
    expect(s.check([], 'm')).toBe('m is not an object');
    expect(s.check(null, 'm')).toBe('m is not an object');
    expect(record(string).check({ a: 'x', b: 1 }, 'files')).toBe('files.b is not a string');
    expect(tuple(string, count).check(['a', 1], 'e')).toBeNull();
    expect(tuple(string, count).check(['a'], 'e')).toBe('e is not a pair');
  });

  it('variants check the case their key names, and say when it names none', () => {
    const s = variants('kind', { a: object({ kind: literal('a'), n: count }), b: object({ kind: literal('b') }) });
    expect(s.check({ kind: 'b' }, 'arg')).toBeNull();
    expect(s.check({ kind: 'a', n: 'x' }, 'arg')).toBe('arg.n is not a count');
    expect(s.check({ kind: 'toString' }, 'arg')).toBe('arg.kind "toString" is unknown');
    expect(s.check({}, 'arg')).toBe('arg.kind undefined is unknown');
  });

  it('a lazy schema refuses values nested deeper than its limit, without recursing further', () => {
    type Tree = { kids: Tree[] };
    const tree: Schema<Tree> = lazy(() => object({ kids: array(tree) }), 3);
    const nest = (n: number): Tree => (n === 0 ? { kids: [] } : { kids: [nest(n - 1)] });
    expect(tree.check(nest(3), 't')).toBeNull();
    expect(tree.check(nest(4), 't')).toBe('t.kids[0].kids[0].kids[0].kids[0] is nested deeper than 3 levels');
    let deep: Tree = { kids: [] };
    for (let i = 0; i < 100_000; i++) deep = { kids: [deep] };
    expect(tree.check(deep, 't')).toMatch(/is nested deeper than 3 levels$/);
  });

  it('withProblem keeps the check and replaces the problem text', () => {
    const s = withProblem(array(count), 'call.args is malformed');
    expect(s.check([1], 'x')).toBeNull();
    expect(s.check([1, -1], 'x')).toBe('call.args is malformed');
  });
});
