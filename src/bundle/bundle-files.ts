/**
 * Bundles an app from files in memory plus node_modules files asked for one at a time: the
 * browser's equivalent of bundle-node.ts, with the same rules (compiler-rules.ts) and the same
 * output shape (marked bundle, source map relative to the app folder). esbuild is passed in:
 * esbuild-wasm in the page's bundling worker, the native one in tests (so both bundlers are
 * compared on the same fixture).
 *
 * Pure: no `node:` imports, no DOM.
 */
import type { Message, OnResolveArgs, Plugin, PluginBuild, build as esbuildBuild, transform as esbuildTransform } from 'esbuild';
import { AppLoadError } from './loaded-app.ts';
import { CompiledPositions, compileAppFile } from './compile-app-file.ts';
import {
  COMPILER_BUILD_OPTIONS,
  bundleError,
  classifyImport,
  describeMessage,
  finishBundle,
  normalizePath,
  packageNameOf,
  rewriteMapSources,
  type BundleResult,
  type MissingPackageDetail,
} from './compiler-rules.ts';
import { resolvePackage, resolvePath, type ReadFile } from './resolve-package.ts';

/** The app folder's place in esbuild's (virtual) file system. */
const ROOT = '/hookscope-app';
/** What the page reads of node_modules for one bundle (the files the imports reach), at most. */
const MAX_DEP_FILE_BYTES = 8 * 1024 * 1024;
const MAX_DEP_TOTAL_BYTES = 64 * 1024 * 1024;
const PLACE = 'the opened folder';

export interface BundleFilesInput {
  build: typeof esbuildBuild;
  /** esbuild's transform (the app's own files are compiled first: compiler-rules.ts compileAppFile). */
  transform: typeof esbuildTransform;
  /** The app's own files (paths relative to the app folder): sources, app.json, tsconfig.json. */
  files: Record<string, string>;
  classFile: string;
  /** Where the bundle goes (bundlePathFor(classFile)). */
  outPath: string;
  /** A node_modules file (`node_modules/ms/index.js`), or null when the folder has none such. */
  readDep: ReadFile;
}

export interface BundleFilesResult extends BundleResult {
  /** node_modules files the bundle reached (read), sorted. */
  depFiles: string[];
  /** Packages bundled in. */
  packages: string[];
}

const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx' | 'json' | 'text'> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
  json: 'json',
};

const toApp = (abs: string): string => normalizePath(abs.startsWith(`${ROOT}/`) ? abs.slice(ROOT.length + 1) : abs);
const abs = (rel: string): string => `${ROOT}/${rel}`;
const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

function virtualFiles(input: BundleFilesInput, depFiles: Set<string>, positions: CompiledPositions): Plugin {
  const cache = new Map<string, Promise<string | null>>();
  let depBytes = 0;
  const read: ReadFile = (path) => {
    const p = normalizePath(path);
    if (!p.split('/').includes('node_modules')) return Promise.resolve(Object.hasOwn(input.files, p) ? (input.files[p] as string) : null);
    let hit = cache.get(p);
    if (!hit) {
      hit = input.readDep(p).then((t) => {
        if (t === null) return null;
        if (t.length > MAX_DEP_FILE_BYTES)
          throw new Error(`${p} is larger than ${MAX_DEP_FILE_BYTES / 1024 / 1024} MB: hookscope does not bundle it in the page`);
        depBytes += t.length;
        if (depBytes > MAX_DEP_TOTAL_BYTES)
          throw new Error(
            `the node_modules files the app's imports reach are larger than ${MAX_DEP_TOTAL_BYTES / 1024 / 1024} MB (at ${p}): hookscope does not bundle them in the page`,
          );
        depFiles.add(p);
        return t;
      });
      cache.set(p, hit);
    }
    return hit;
  };
  const kindOf = (args: OnResolveArgs): 'require' | 'import' => (args.kind === 'require-call' || args.kind === 'require-resolve' ? 'require' : 'import');
  return {
    name: 'hookscope-virtual-files',
    setup(b: PluginBuild) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: 'file' };
        const spec = args.path;
        const from = dirOf(toApp(args.importer));
        switch (classifyImport(spec)) {
          case 'apps-engine':
          case 'builtin':
            return { path: spec, external: true };
          case 'relative': {
            const found = await resolvePath(read, spec.startsWith('/') ? spec : `${from}/${spec}`);
            return found ? { path: abs(found), namespace: 'file' } : { errors: [{ text: `Could not resolve "${spec}"` }] };
          }
          case 'ui-kit':
          case 'package': {
            const r = await resolvePackage(read, spec, from, kindOf(args));
            if (r.ok) return { path: abs(r.path), namespace: 'file' };
            if (r.reason === 'not-installed' && classifyImport(spec) === 'ui-kit') {
              // The runtime has hookscope's copy (bundle-node bundles the same copy).
              return {
                path: spec,
                external: true,
                warnings: [
                  {
                    text: `${spec} is not installed in the app folder; the runtime's copy is used (the apps compiler would fail: run \`npm install @rocket.chat/ui-kit\`)`,
                  },
                ],
              };
            }
            if (r.reason === 'not-installed')
              return { errors: [{ text: `Could not resolve "${spec}"`, detail: { missingPackage: spec } satisfies MissingPackageDetail }] };
            return { errors: [{ text: `Could not resolve "${spec}": ${r.detail}` }] };
          }
        }
      });
      b.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        const rel = toApp(args.path);
        const text = await read(rel);
        if (text === null) return { errors: [{ text: `Could not read "${rel}"` }] };
        const ext = /\.([a-z]+)$/i.exec(rel)?.[1]?.toLowerCase() ?? '';
        const own = rel.split('/').includes('node_modules') ? null : await compileAppFile(input.transform, rel, text, input.files['tsconfig.json'], positions);
        if (own !== null && 'errors' in own) return { errors: own.errors };
        if (own !== null) return { contents: own.contents, loader: 'js', resolveDir: abs(dirOf(rel)) };
        return { contents: text, loader: LOADERS[ext] ?? 'js', resolveDir: abs(dirOf(rel)) };
      });
    },
  };
}

/** Bundles `classFile`. Throws {@link AppLoadError} naming file, line and module. */
export async function bundleFiles(input: BundleFilesInput): Promise<BundleFilesResult> {
  const depFiles = new Set<string>();
  const positions = new CompiledPositions();
  const warnings: string[] = [];
  const outfile = abs(input.outPath);
  const tsconfig = input.files['tsconfig.json'];
  let result;
  try {
    result = await input.build({
      ...COMPILER_BUILD_OPTIONS,
      absWorkingDir: ROOT,
      entryPoints: [abs(input.classFile)],
      outfile,
      // The Node bundler reads the folder's tsconfig.json itself (class fields, decorators...).
      ...(tsconfig !== undefined ? { tsconfigRaw: tsconfig } : {}),
      plugins: [virtualFiles(input, depFiles, positions)],
    });
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) throw bundleError(errors, toApp, PLACE, positions);
    throw new AppLoadError(`Could not bundle the app: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const w of result.warnings) warnings.push(describeMessage(w, toApp, PLACE, positions));
  const js = result.outputFiles.find((f) => f.path === outfile);
  const mapFile = result.outputFiles.find((f) => f.path === `${outfile}.map`);
  if (!js) throw new AppLoadError('Could not bundle the app: esbuild produced no output');
  const map = mapFile ? rewriteMapSources(mapFile.text, (s) => normalizePath(`${dirOf(input.outPath)}/${s}`)) : '';
  const files = [...depFiles].sort();
  const packages = [...new Set(files.map((f) => packageNameOf(f.slice(f.lastIndexOf('node_modules/') + 'node_modules/'.length))))].sort();
  return { code: finishBundle(js.text), map, warnings, depFiles: files, packages };
}
