/**
 * Bundles an app folder the way the Rocket.Chat apps compiler does, with esbuild's native binary
 * and the file system: the rules (what stays external, what is bundled, the build options, the
 * messages) are compiler-rules.ts, shared with the browser's bundler (bundle-files.ts). esbuild
 * resolves from the folder itself; `@rocket.chat/ui-kit` not installed in the app folder gets
 * hookscope's copy (the compiler would fail there; we say so in a warning).
 *
 * Node only (esbuild's native binary and the file system).
 */
import { build, transform, type Message, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AppLoadError } from './loaded-app.ts';
import { CompiledPositions, compileAppFile } from './compile-app-file.ts';
import {
  APPS_ENGINE,
  COMPILER_BUILD_OPTIONS,
  UI_KIT,
  bundleError,
  describeMessage,
  finishBundle,
  rewriteMapSources,
  type BundleResult,
} from './compiler-rules.ts';
import { overlayPlugin } from './overlay-plugin.ts';

export type { BundleResult } from './compiler-rules.ts';

const ownRequire = createRequire(import.meta.url);
const PLACE = 'the app folder';

const toPosix = (p: string): string => p.split(sep).join('/');

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
          warnings.push(
            `${args.path} is not installed in the app folder; bundled hookscope's copy (the apps compiler would fail: run \`npm install @rocket.chat/ui-kit\`)`,
          );
          return { path };
        } catch {
          return undefined;
        }
      });
    },
  };
}

/**
 * The app's own files (the folder minus node_modules; the overlay's text when there is one)
 * compiled as the apps compiler compiles them before bundling (compiler-rules.ts compileAppFile).
 */
function appCodePlugin(
  dir: string,
  overlay: Readonly<Record<string, string>> | undefined,
  tsconfigRaw: string | undefined,
  positions: CompiledPositions,
): Plugin {
  return {
    name: 'hookscope-app-code',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/ }, async (args) => {
        const rel = toPosix(relative(dir, args.path));
        if (rel.startsWith('../') || isAbsolute(rel) || rel.split('/').includes('node_modules')) return undefined;
        const text = overlay && Object.prototype.hasOwnProperty.call(overlay, rel) ? (overlay[rel] as string) : await readFile(args.path, 'utf8');
        const own = await compileAppFile(transform, rel, text, tsconfigRaw, positions);
        if (own === null) return undefined;
        return 'errors' in own ? { errors: own.errors } : { contents: own.contents, loader: 'js', resolveDir: dirname(args.path) };
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
  const positions = new CompiledPositions();
  const outfile = join(dir, outPath);
  const rel = (file: string): string => toPosix(isAbsolute(file) ? relative(dir, file) : file);
  let result;
  try {
    const tsconfig = options.files?.['tsconfig.json'] ?? (await readFile(join(dir, 'tsconfig.json'), 'utf8').catch(() => undefined));
    const plugins = [
      rocketChatPlugin(warnings),
      appCodePlugin(dir, options.files, tsconfig, positions),
      ...(options.files ? [overlayPlugin(dir, options.files)] : []),
    ];
    result = await build({ ...COMPILER_BUILD_OPTIONS, absWorkingDir: dir, entryPoints: [join(dir, classFile)], outfile, plugins });
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) throw bundleError(errors, rel, PLACE, positions);
    throw new AppLoadError(`Could not bundle the app: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const w of result.warnings) warnings.push(describeMessage(w, rel, PLACE, positions));
  const js = result.outputFiles.find((f) => f.path === outfile);
  const mapFile = result.outputFiles.find((f) => f.path === `${outfile}.map`);
  if (!js) throw new AppLoadError('Could not bundle the app: esbuild produced no output');
  // The map travels in the files map, its sources relative to the app folder.
  const map = mapFile ? rewriteMapSources(mapFile.text, (s) => toPosix(relative(dir, join(dirname(outfile), s)))) : '';
  return { code: finishBundle(js.text), map, warnings };
}
