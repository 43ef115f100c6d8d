/**
 * The apps compiler's bundling rules (`@rocket.chat/apps-compiler` `src/bundler/esbuild.ts`), as
 * data and pure functions, shared by the Node bundler (bundle-node.ts: esbuild's native binary and
 * the file system) and the browser's (bundle-files.ts run by esbuild-wasm in a Web Worker, files
 * asked for one at a time):
 *
 * - one CommonJS file for Node (the build options below);
 * - `@rocket.chat/apps-engine/...` left external: the runtime provides it;
 * - Node built-ins left external: the runtime's `require` decides (spec 7.3);
 * - `@rocket.chat/ui-kit` bundled from the app's node_modules (the runtime has a copy for an app
 *   that did not install it; the compiler would fail there: a warning says so);
 * - every other bare import resolved from the app folder's own `node_modules` and bundled in.
 *
 * No `node:` imports (the page uses it); esbuild's types only.
 */
import type { BuildOptions, Message } from 'esbuild';
import type { CompiledPositions } from './compile-app-file.ts';
import { AppLoadError, BUNDLED_MARKER } from './loaded-app.ts';

export interface BundleResult {
  /** The bundle, starting with {@link BUNDLED_MARKER} (same line: line numbers unchanged). */
  code: string;
  /** Source map (JSON text) whose `sources` are paths relative to the app folder. */
  map: string;
  warnings: string[];
}

export const APPS_ENGINE = /^@rocket\.chat\/apps-engine(?:\/|$)/;
export const UI_KIT = /^@rocket\.chat\/ui-kit(?:\/|$)/;

/** Node's built-in modules (Node 20), which esbuild's `platform: 'node'` leaves external. */
const NODE_BUILTINS = new Set(
  (
    'assert assert/strict async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns dns/promises domain ' +
    'events fs fs/promises http http2 https inspector inspector/promises module net os path path/posix path/win32 perf_hooks process punycode querystring ' +
    'readline readline/promises repl stream stream/consumers stream/promises stream/web string_decoder sys timers timers/promises tls trace_events tty ' +
    'url util util/types v8 vm wasi worker_threads zlib'
  ).split(' '),
);

export type ImportClass = 'relative' | 'apps-engine' | 'builtin' | 'ui-kit' | 'package';

/** What the compiler does with one import specifier. */
export function classifyImport(specifier: string): ImportClass {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/')) return 'relative';
  if (APPS_ENGINE.test(specifier)) return 'apps-engine';
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) return 'builtin';
  if (UI_KIT.test(specifier)) return 'ui-kit';
  return 'package';
}

/** `crypto-js/sha256` -> `crypto-js`; `@scope/pkg/x` -> `@scope/pkg`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The esbuild options both bundlers use (entry, output and plugins are theirs). */
export const COMPILER_BUILD_OPTIONS = {
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  target: ['node20'],
  // Not minified (the compiler minifies): names and lines stay readable in stack traces.
  minify: false,
  keepNames: true,
  sourcemap: 'external',
  sourcesContent: false,
  define: { 'global.Promise': 'Promise' },
  logLevel: 'silent',
  legalComments: 'none',
} as const satisfies BuildOptions;

/** The text of a missing package, the same in both bundlers (`place`: where node_modules was looked for). */
function missingPackageText(specifier: string, importedBy: string, place: string): string {
  const pkg = packageNameOf(specifier);
  return `"${specifier}" is imported by ${importedBy} but node_modules/${pkg} is not in ${place} (run \`npm install ${pkg}\` in the app folder)`;
}

/** `detail` of a resolve error the browser's plugin raises for a package that is not there. */
export interface MissingPackageDetail {
  missingPackage: string;
}

/** `file:line:column: text` for an esbuild message, the file relative to the app folder. */
export function describeMessage(m: Message, relativize: (file: string) => string, place: string, positions?: CompiledPositions): string {
  const file = m.location ? relativize(m.location.file) : '';
  const loc = m.location ? { ...m.location, ...(positions ? positions.original(file, m.location.line, m.location.column) : {}) } : null;
  const where = loc ? `${file}:${loc.line}:${loc.column + 1}: ` : '';
  const notes = m.notes.map((n) => n.text).filter((t) => t !== '');
  let text = m.text;
  const detail = m.detail as Partial<MissingPackageDetail> | undefined;
  const missing = typeof detail?.missingPackage === 'string' ? detail.missingPackage : /^Could not resolve "([^"]+)"/.exec(text)?.[1];
  if (missing !== undefined && classifyImport(missing) !== 'relative') {
    return `${where}${missingPackageText(missing, loc ? `${file}:${loc.line}` : 'the app', place)}`;
  }
  if (missing !== undefined) text = `Cannot find "${missing}": it is not a file of the app`;
  return `${where}${text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** The error for a failed build: its first messages, the first one's file and line. */
export function bundleError(errors: Message[], relativize: (file: string) => string, place: string, positions?: CompiledPositions): AppLoadError {
  const first = errors[0];
  const lines = errors.slice(0, 5).map((m) => describeMessage(m, relativize, place, positions));
  const more = errors.length > 5 ? `\n(and ${errors.length - 5} more)` : '';
  const file = first?.location ? relativize(first.location.file) : undefined;
  const line =
    first?.location && file !== undefined
      ? positions
        ? positions.original(file, first.location.line, first.location.column).line
        : first.location.line
      : undefined;
  return new AppLoadError(`Could not bundle the app: ${lines.join('\n')}${more}`, file, line);
}

/** esbuild's output -> what the runtime's module loader runs: marked, without the `sourceMappingURL` line. */
export function finishBundle(js: string): string {
  return BUNDLED_MARKER + js.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n');
}

/** Rewrites a source map's `sources` with `toAppPath` (-> relative to the app folder). */
export function rewriteMapSources(text: string, toAppPath: (source: string) => string): string {
  const map = JSON.parse(text) as { sources?: string[]; sourceRoot?: string };
  map.sources = (map.sources ?? []).map(toAppPath);
  map.sourceRoot = '';
  return JSON.stringify(map);
}

/** `a/b/../c` -> `a/c` (posix, no leading slash kept). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
