/**
 * A few schema combinators, small enough for the sandbox worker (no library): each message of the
 * runtime protocol is written once as a schema; its TypeScript type is `Infer<typeof Schema>` and
 * its guard is `schema.check`. A check never throws and answers the first problem with its path
 * (`loaded.methods[2] is not a string`), or null. Objects are open (fields the schema does not name
 * are let through, as the messages are used as they arrive).
 */

export interface Schema<T> {
  /** The first problem of `x` as a `T`, naming `path`; null when `x` is a `T`. */
  check(x: unknown, path: string): string | null;
  /** Phantom: the type the schema accepts (never set). */
  readonly type?: T;
  /** Set by {@link optional}: the field may be absent (never `undefined` as a value of T). */
  readonly optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOf<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }>;

const schema = <T>(check: (x: unknown, path: string) => string | null): Schema<T> => ({ check });

export const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export const string = schema<string>((x, p) => (typeof x === 'string' ? null : `${p} is not a string`));
export const number = schema<number>((x, p) => (typeof x === 'number' ? null : `${p} is not a number`));
export const boolean = schema<boolean>((x, p) => (typeof x === 'boolean' ? null : `${p} is not a boolean`));
/** A non-negative integer. */
export const count = schema<number>((x, p) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? null : `${p} is not a count`));

/** One of the given values. */
export function literal<const L extends string | number | boolean | null>(...values: readonly L[]): Schema<L> {
  return schema((x, p) => (values.includes(x as L) ? null : `${p} ${JSON.stringify(x) ?? String(x)} is unknown`));
}

/** A value `test` accepts; `problem` (of the value) follows the path: `is not serializable data`. */
export function custom<T>(test: (x: unknown) => x is T, problem: string | ((x: unknown) => string)): Schema<T> {
  return schema((x, p) => (test(x) ? null : `${p} ${typeof problem === 'string' ? problem : problem(x)}`));
}

export function nullable<T>(s: Schema<T>): Schema<T | null> {
  return schema((x, p) => {
    if (x === null) return null;
    const problem = s.check(x, p);
    return problem === null ? null : `${problem} or null`;
  });
}

/** An object field that may be absent. */
export function optional<T>(s: Schema<T>): Schema<T> & { readonly optional: true } {
  return { check: (x, p) => (x === undefined ? null : s.check(x, p)), optional: true };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return schema((x, p) => {
    if (!Array.isArray(x)) return `${p} is not a list`;
    for (let i = 0; i < x.length; i++) {
      const problem = item.check(x[i], `${p}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  });
}

export function tuple<A, B>(a: Schema<A>, b: Schema<B>): Schema<[A, B]> {
  return schema((x, p) => {
    if (!Array.isArray(x) || x.length !== 2) return `${p} is not a pair`;
    return a.check(x[0], `${p}[0]`) ?? b.check(x[1], `${p}[1]`);
  });
}

/** An object whose own values are all `value`s. */
export function record<T>(value: Schema<T>): Schema<Record<string, T>> {
  return schema((x, p) => {
    if (!isObj(x)) return `${p} is not an object`;
    for (const key of Object.keys(x)) {
      const problem = value.check(x[key], `${p}.${key}`);
      if (problem !== null) return problem;
    }
    return null;
  });
}

export function object<const S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return schema((x, p) => {
    if (!isObj(x)) return `${p} is not an object`;
    for (const key of keys) {
      const problem = (shape[key] as Schema<unknown>).check(x[key], `${p}.${key}`);
      if (problem !== null) return problem;
    }
    return null;
  });
}

/**
 * Objects told apart by the field `key` (`type`, `ok`, `kind`, `t`): each case is checked only
 * when `key` names it. `unknown(path, value)` says what an unnamed value is.
 */
export function variants<const C extends Record<string, Schema<unknown>>>(
  key: string,
  cases: C,
  unknown: (path: string, value: unknown) => string = (p, v) => `${p}.${key} ${JSON.stringify(v) ?? String(v)} is unknown`,
): Schema<Infer<C[keyof C]>> {
  return schema((x, p) => {
    if (!isObj(x)) return `${p} is not an object`;
    const tag = x[key];
    const kind = typeof tag === 'string' || typeof tag === 'boolean' ? String(tag) : undefined;
    const s = kind !== undefined && Object.prototype.hasOwnProperty.call(cases, kind) ? cases[kind] : undefined;
    return s ? s.check(x, p) : unknown(p, tag);
  });
}

/** A recursive schema; values nested deeper than `maxDepth` levels of it are refused. */
export function lazy<T>(get: () => Schema<T>, maxDepth: number): Schema<T> {
  let depth = 0;
  return schema((x, p) => {
    if (depth > maxDepth) return `${p} is nested deeper than ${maxDepth} levels`;
    depth += 1;
    try {
      return get().check(x, p);
    } finally {
      depth -= 1;
    }
  });
}

/** The same check, answering `problem` (the whole text) instead of the inner problem. */
export function withProblem<T>(s: Schema<T>, problem: string): Schema<T> {
  return { ...s, check: (x, p) => (s.check(x, p) === null ? null : problem) };
}
