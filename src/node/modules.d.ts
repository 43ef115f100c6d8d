// whatwg-url ships no types; the vm context takes its URL classes as the web platform's.
declare module 'whatwg-url' {
  export const URL: typeof globalThis.URL;
  export const URLSearchParams: typeof globalThis.URLSearchParams;
}
