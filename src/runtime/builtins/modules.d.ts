// Browser implementations of Node built-ins, bundled into the runtime (no types of their own).
// Typed only as far as the runtime uses them: it hands the modules to app code as they are, and
// the runtime builds without node types (tsconfig.runtime.json).
declare module 'path-browserify' {
  const path: { resolve(...parts: string[]): string; [name: string]: unknown };
  export = path;
}
declare module 'querystring-es3' {
  const qs: Record<string, unknown>;
  export = qs;
}
declare module 'url' {
  const url: Record<string, unknown>;
  export = url;
}
declare module 'util' {
  const util: Record<string, unknown>;
  export = util;
}
declare module 'punycode/punycode.js' {
  export function encode(input: string): string;
  export function decode(input: string): string;
  export function toASCII(input: string): string;
  export function toUnicode(input: string): string;
  export const version: string;
}
declare module 'whatwg-url' {
  export const URL: typeof globalThis.URL;
  export const URLSearchParams: typeof globalThis.URLSearchParams;
}
