/**
 * The only globals the pure layers (src/protocol, src/engine, src/graph) may use: ones that Node
 * and browsers both have, typed as narrowly as these layers need them. These layers build with
 * `"lib": ["ES2023"]` and no `@types/node`, so anything else (document, window, process, Buffer,
 * fetch...) is a type error there. Adding a global here is a decision: say which layer needs it.
 * The linter (.oxlintrc.json) also keeps time and timers to src/engine/env.ts.
 */

/** src/engine/env.ts: the system scheduler (everything else gets it injected). */
declare function setTimeout(callback: () => void, ms?: number): unknown;
/** src/engine/env.ts */
declare function clearTimeout(handle: unknown): void;
/** src/engine/env.ts: the system clock's monotonic time. */
declare const performance: { now(): number };

/** src/engine/world: deep copies of plain data. */
declare function structuredClone<T>(value: T): T;

/** src/engine/bridges/http.ts: parsing the URL an app asks for (an invalid one throws). */
interface PortableURLSearchParams {
  append(name: string, value: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  forEach(callback: (value: string, key: string) => void): void;
  entries(): IterableIterator<[string, string]>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
  toString(): string;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly origin: string;
  href: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  readonly searchParams: PortableURLSearchParams;
  hash: string;
  toString(): string;
  toJSON(): string;
}
