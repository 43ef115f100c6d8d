/**
 * Stack traces of app code. Module code is evaluated with the source URL `app:///<path>`, so a
 * frame pointing into the app reads `... app:///lib/x.ts:12:5` (V8) or `fn@app:///lib/x.ts:12:5`
 * (Firefox, Safari). We rewrite those to `lib/x.ts:12:5` and drop every other frame (the runtime,
 * the apps-engine package, Node internals): they say nothing about the user's code.
 */
export const APP_URL_PREFIX = 'app:///';

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
    if (APP_FRAME.test(line)) out.push(line.replace(APP_FRAME_G, '$1:$2:$3'));
  }
  return out.join('\n');
}

/** `<path>:<line>` of the first app frame of a stack, if any. */
export function firstAppSite(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    if (!isFrame(line)) continue;
    const m = APP_FRAME.exec(line);
    if (m) return `${m[1]}:${m[2]}`;
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
