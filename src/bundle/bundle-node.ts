/**
 * Bundles an app folder the way the Rocket.Chat apps compiler does (`@rocket.chat/apps-compiler`
 * `src/bundler/esbuild.ts`): esbuild, one CommonJS file for Node, `@rocket.chat/apps-engine/...`
 * left external (the runtime provides it), Node built-ins left external (the runtime's `require`
 * decides: spec 7.3), every other import resolved from the app folder's own `node_modules` and
 * bundled in. `@rocket.chat/ui-kit` is bundled too; an app that imports it without having it
 * installed gets hookscope's copy (the compiler would fail there; we say so in a warning).
 *
 * Node only (esbuild's native binary and the file system).
 */
import { build, type Message, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AppLoadError, BUNDLED_MARKER } from './loaded-app.ts';
import { overlayPlugin } from './overlay-plugin.ts';

export interface BundleResult {
  /** The bundle, starting with {@link BUNDLED_MARKER} (same line: line numbers unchanged). */
  code: string;
  /** Source map (JSON text) whose `sources` are paths relative to the app folder. */
  map: string;
  warnings: string[];
}

const APPS_ENGINE = /^@rocket\.chat\/apps-engine(?:\/|$)/;
const UI_KIT = /^@rocket\.chat\/ui-kit(?:\/|$)/;
const ownRequire = createRequire(import.meta.url);

const toPosix = (p: string): string => p.split(sep).join('/');

/** `file:line:column: text` for an esbuild message, the file relative to the app folder. */
export function describeMessage(m: Message, dir: string): string {
  const loc = m.location;
  const file = loc ? toPosix(isAbsolute(loc.file) ? relative(dir, loc.file) : loc.file) : '';
  const where = loc ? `${file}:${loc.line}:${loc.column + 1}: ` : '';
  const notes = m.notes.map((n) => n.text).filter((t) => t !== '');
  let text = m.text;
  const missing = /^Could not resolve "([^"]+)"/.exec(text);
  if (missing) {
    const name = missing[1] ?? '';
    const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name);
    text = `Cannot find module "${name}": it is not a file of the app nor installed in its node_modules (run \`npm install ${pkg}\` in the app folder)`;
  }
  return `${where}${text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function rocketChatPlugin(warnings: string[]): Plugin {
  return {
    name: 'rocket-chat-apps',
    setup(b) {
      b.onResolve({ filter: APPS_ENGINE }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: UI_KIT }, async (args) => {
        if (args.pluginData === 'ui-kit-retry') return undefined;
        const own = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'ui-kit-retry' });
        if (own.errors.length === 0) return { path: own.path, sideEffects: own.sideEffects };
        try {
          const path = ownRequire.resolve(args.path);
          warnings.push(`${args.path} is not installed in the app folder; bundled hookscope's copy (the apps compiler would fail: run \`npm install @rocket.chat/ui-kit\`)`);
          return { path };
        } catch {
          return undefined;
        }
      });
    },
  };
}

export interface BundleOptions {
  /**
   * Files (paths relative to `dir`) whose text replaces the disk's, or that exist only here
   * (`hookscope dev`: the browser editor's unsaved edits); node_modules still come from the disk.
   */
  files?: Readonly<Record<string, string>>;
}

/** Bundles `classFile` (relative to `dir`). Throws {@link AppLoadError} naming file, line and module. */
export async function bundleAppFolder(dir: string, classFile: string, outPath: string, options: BundleOptions = {}): Promise<BundleResult> {
  const warnings: string[] = [];
  const outfile = join(dir, outPath);
  let result;
  try {
    result = await build({
      absWorkingDir: dir,
      entryPoints: [join(dir, classFile)],
      outfile,
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
      plugins: [rocketChatPlugin(warnings), ...(options.files ? [overlayPlugin(dir, options.files)] : [])],
    });
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const first = errors[0] as Message;
      const lines = errors.slice(0, 5).map((m) => describeMessage(m, dir));
      const more = errors.length > 5 ? `\n(and ${errors.length - 5} more)` : '';
      throw new AppLoadError(`Could not bundle the app: ${lines.join('\n')}${more}`, first.location?.file, first.location?.line);
    }
    throw new AppLoadError(`Could not bundle the app: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const w of result.warnings) warnings.push(describeMessage(w, dir));
  const js = result.outputFiles.find((f) => f.path === outfile);
  const mapFile = result.outputFiles.find((f) => f.path === `${outfile}.map`);
  if (!js) throw new AppLoadError('Could not bundle the app: esbuild produced no output');
  // esbuild ends the bundle with `//# sourceMappingURL=...`; the map travels in the files map instead.
  const code = BUNDLED_MARKER + js.text.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n');
  return { code, map: mapFile ? relativizeMap(mapFile.text, dirname(outfile), dir) : '', warnings };
}

/** Rewrites a source map's `sources` from "relative to the bundle" to "relative to the app folder". */
function relativizeMap(text: string, bundleDir: string, dir: string): string {
  const map = JSON.parse(text) as { sources?: string[]; sourceRoot?: string };
  map.sources = (map.sources ?? []).map((s) => toPosix(relative(dir, join(bundleDir, s))));
  map.sourceRoot = '';
  return JSON.stringify(map);
}
