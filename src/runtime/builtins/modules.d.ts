// Browser implementations of Node built-ins, bundled into the runtime (no types of their own).
declare module 'path-browserify' {
  const path: typeof import('node:path');
  export = path;
}
declare module 'querystring-es3' {
  const qs: typeof import('node:querystring');
  export = qs;
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
