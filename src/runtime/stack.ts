/**
 * Stack traces of app code. Module code is evaluated with the source URL `app:///<path>`, so a
 * frame pointing into the app reads `... app:///lib/x.ts:12:5` (V8) or `fn@app:///lib/x.ts:12:5`
 * (Firefox, Safari). We rewrite those to `lib/x.ts:12:5` and drop every other frame (the runtime,
 * the apps-engine package, Node internals): they say nothing about the user's code.
 * A frame in a bundle with a registered source map (src/bundle/) is sent back to its source:
 * `__bundle__/MyApp.js:812:9` reads `MyApp.ts:12:9` (or `node_modules/ms/index.js:40:3`).
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

export const APP_URL_PREFIX = 'app:///';

/** One app per runtime: the bundles of the app loaded here, by path. */
const sourceMaps = new Map<string, TraceMap>();

export function registerSourceMap(path: string, mapJson: string): void {
  try {
    sourceMaps.set(path, new TraceMap(mapJson));
  } catch {
    sourceMaps.delete(path); // a broken map only costs the mapping
  }
}

/** `path:line:col` of a frame, through the source map of `path` if there is one. */
function mapSite(path: string, line: string, col: string): string {
  const map = sourceMaps.get(path);
  if (!map) return `${path}:${line}:${col}`;
  const pos = originalPositionFor(map, { line: Number(line), column: Math.max(0, Number(col) - 1) });
  if (pos.source === null || pos.line === null) return `${path}:${line}:${col}`;
  return `${pos.source}:${pos.line}:${(pos.column ?? 0) + 1}`;
}

const APP_FRAME = /app:\/\/\/([^\s)]+?):(\d+):(\d+)/;
const APP_FRAME_G = /app:\/\/\/([^\s)]+?):(\d+):(\d+)/g;
const V8_FRAME = /^\s+at /;
const OTHER_FRAME = /^[^\s]*@\S+:\d+:\d+$/;

export function appUrl(path: string): string {
  return APP_URL_PREFIX + path;
}

function isFrame(line: string): boolean {
  return V8_FRAME.test(line) || OTHER_FRAME.test(line.trim());
}

/** Keeps the message lines and the frames that point into app files, rewritten to `path:line:col`. */
export function rewriteStack(stack: string): string {
  const out: string[] = [];
  for (const line of stack.split('\n')) {
    if (!isFrame(line)) {
      out.push(line);
      continue;
    }
    if (APP_FRAME.test(line)) out.push(line.replace(APP_FRAME_G, (_m, p: string, l: string, c: string) => mapSite(p, l, c)));
  }
  return out.join('\n');
}

/** `<path>:<line>` of the first app frame of a stack, if any. */
export function firstAppSite(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    if (!isFrame(line)) continue;
    const m = APP_FRAME.exec(line);
    if (m) return mapSite(m[1] ?? '', m[2] ?? '0', m[3] ?? '0').replace(/:\d+$/, '');
  }
  return undefined;
}

/** A stack captured here, with enough frames to get past the runtime's own. */
export function captureStack(): string | undefined {
  const E = Error as { stackTraceLimit?: number };
  const limit = E.stackTraceLimit;
  if (typeof limit === 'number') E.stackTraceLimit = 30;
  try {
    return new Error().stack;
  } finally {
    if (typeof limit === 'number') E.stackTraceLimit = limit;
  }
}
