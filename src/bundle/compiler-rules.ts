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
import type { BuildOptions, Message, PartialMessage, transform as esbuildTransform } from 'esbuild';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { transform as sucrase } from 'sucrase';
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

const APP_CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

/**
 * Where things are in the app's own files once compileAppFile rewrote them: esbuild reports a
 * resolve error at its place in the compiled text, so its line goes back through that file's map
 * (lines kept by sucrase; esbuild's transform may move them).
 */
export class CompiledPositions {
  private readonly maps = new Map<string, TraceMap>();
  add(file: string, mapJson: string): void {
    this.maps.set(file, new TraceMap(mapJson));
  }
  /** `line` 1-based, `column` 0-based, as esbuild gives them; the same place in the file as written. */
  original(file: string, line: number, column: number): { line: number; column: number } {
    const map = this.maps.get(file);
    if (!map) return { line, column };
    const hit = originalPositionFor(map, { line, column });
    return hit.line === null ? { line, column } : { line: hit.line, column: hit.column ?? 0 };
  }
}

/**
 * An app's own file (not node_modules) as the apps compiler hands it to esbuild. The compiler
 * compiles the app with TypeScript first (AppsCompiler: module CommonJS, target ES2017, no
 * `esModuleInterop`) and bundles that output, so imports follow TypeScript's CommonJS emit:
 * `import * as ms from 'ms'` is `const ms = require('ms')` (callable: the Teams bridge calls `ms(...)`
 * and crypto-js's `sha256(...)` so), `import x from 'y'` reads `require('y').default`. esbuild on the
 * sources would apply its own interop instead (a namespace object, which throws when called). So:
 * esbuild strips the types (with the folder's tsconfig: decorators, class fields), then sucrase's
 * legacy TypeScript interop writes the imports as TypeScript would; lines are kept and the inline
 * source map chains back to the file. With `esModuleInterop` in the tsconfig, TypeScript's interop
 * is esbuild's: the file is left to esbuild. Returns null for files esbuild loads as they are.
 */
export async function compileAppFile(
  transform: typeof esbuildTransform,
  path: string,
  text: string,
  tsconfigRaw: string | undefined,
  positions?: CompiledPositions,
): Promise<{ contents: string } | { errors: PartialMessage[] } | null> {
  if (!APP_CODE.test(path) || (tsconfigRaw !== undefined && /"esModuleInterop"\s*:\s*true/.test(tsconfigRaw))) return null;
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? 'js';
  const loader = ext === 'tsx' ? 'tsx' : ext === 'jsx' ? 'jsx' : ext.endsWith('ts') ? 'ts' : 'js';
  // The inline map's source is resolved against the file's own folder: its name alone.
  const sourcefile = path.slice(path.lastIndexOf('/') + 1);
  let stripped;
  try {
    stripped = await transform(text, { loader, format: 'esm', target: 'node20', sourcemap: 'both', sourcefile, ...(tsconfigRaw !== undefined ? { tsconfigRaw } : {}), logLevel: 'silent' });
  } catch (e) {
    // A syntax error: reported at its place in the app's file, as esbuild reports its own.
    const errors = (e as { errors?: Message[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) throw e;
    return { errors: errors.map((m) => ({ text: m.text, location: m.location ? { ...m.location, file: path } : null, notes: m.notes })) };
  }
  positions?.add(path, stripped.map);
  return { contents: sucrase(stripped.code, { transforms: ['imports'], enableLegacyTypeScriptModuleInterop: true, filePath: path }).code };
}

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
  const line = first?.location && file !== undefined ? (positions ? positions.original(file, first.location.line, first.location.column).line : first.location.line) : undefined;
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
