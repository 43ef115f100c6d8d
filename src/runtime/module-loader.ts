/**
 * CommonJS loading of an app's files: each `.ts`/`.js` file is transpiled with sucrase (line numbers
 * kept, type-only imports elided) and run through the injected {@link ModuleEvaluator} with a
 * per-module `require`. What `require` can reach mirrors the deno runtime's `buildRequire`
 * (RC `packages/apps-engine/deno-runtime/handlers/app/construct.ts`): apps-engine modules, the
 * allowlisted Node built-ins and `uuid` (builtins/index.ts), and `@rocket.chat/ui-kit`.
 * The real runtime receives one bundled file. When the files map holds such a bundle for the class
 * file (`__bundle__/<classFile>.js`, made by src/bundle/ from an app folder or read from an
 * `rc-apps package` zip), that bundle runs as it is (CommonJS, no transpiling) and its source map,
 * if any, sends stack frames back to the sources. Otherwise hookscope resolves relative paths in
 * the files map, so apps can be edited file by file.
 */
import { transform } from 'sucrase';
import { BUNDLED_MARKER, bundlePathFor } from '../protocol/bundle-path.ts';
import { APPS_ENGINE_PACKAGE, resolveAppsEngine } from './apps-engine-registry.ts';
import { RC_ALLOWED_EXTERNAL_MODULES, RC_ALLOWED_NATIVE_MODULES, UI_KIT_PACKAGE, resolveBuiltin } from './builtins/index.ts';
import { appUrl, registerSourceMap } from './stack.ts';

export type ModuleFunction = (
  exports: object,
  require: (specifier: string) => unknown,
  module: { exports: unknown },
  __filename: string,
  __dirname: string,
) => void;

/** Compiles module code (CommonJS body, first line = first line of the file) into a function. */
export type ModuleEvaluator = (code: string, sourceUrl: string) => ModuleFunction;

export { RC_ALLOWED_EXTERNAL_MODULES, RC_ALLOWED_NATIVE_MODULES } from './builtins/index.ts';

/** The source of a file could not be transpiled; message names `file:line:column`. */
export class TranspileError extends Error {
  override readonly name = 'TranspileError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export function transpile(path: string, source: string): string {
  try {
    const transforms: ('typescript' | 'imports')[] = path.endsWith('.ts') ? ['typescript', 'imports'] : ['imports'];
    return transform(source, { transforms, filePath: path, production: true }).code;
  } catch (e) {
    const loc = (e as { loc?: { line?: unknown; column?: unknown } }).loc;
    const where = loc && typeof loc.line === 'number' ? `${path}:${loc.line}:${String(loc.column)}` : path;
    const raw = e instanceof Error ? e.message : String(e);
    const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
    throw new TranspileError(`${where}: ${message}`, path);
  }
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins a relative specifier onto a directory, resolving `.` and `..`; null if it leaves the app. */
export function joinPath(dir: string, rel: string): string | null {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function notProvided(specifier: string): Error {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (bare !== specifier && (RC_ALLOWED_NATIVE_MODULES.includes(bare) || RC_ALLOWED_EXTERNAL_MODULES.includes(bare))) {
    return new Error(`Module "${specifier}" is not allowed: the Rocket.Chat apps runtime allows Node built-ins by their bare name only (require('${bare}')).`);
  }
  if (specifier.startsWith(APPS_ENGINE_PACKAGE)) {
    return new Error(`Module "${specifier}" is not provided by the Rocket.Chat apps runtime: only ${APPS_ENGINE_PACKAGE}/definition/... exists at run time.`);
  }
  return new Error(
    `Module "${specifier}" is not allowed: the Rocket.Chat apps runtime does not provide it. ` +
      `Apps can require ${APPS_ENGINE_PACKAGE}/definition/..., their own files, ${UI_KIT_PACKAGE} and ${[...RC_ALLOWED_NATIVE_MODULES, ...RC_ALLOWED_EXTERNAL_MODULES].join(', ')}; ` +
      'other npm packages are bundled into the app by the apps compiler: open the app folder with its node_modules (or its rc-apps package zip) so hookscope bundles it the same way.',
  );
}

export interface ModuleLoader {
  /** Requires an app file by its path in the files map (e.g. the class file). */
  requireFile(path: string): unknown;
}

export function createModuleLoader(files: Readonly<Record<string, string>>, evaluate: ModuleEvaluator): ModuleLoader {
  const cache = new Map<string, { exports: unknown }>();
  const has = (p: string): boolean => Object.prototype.hasOwnProperty.call(files, p);

  function resolveRelative(from: string, specifier: string): string | null {
    const base = joinPath(dirnameOf(from), specifier);
    if (base === null) return null;
    const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
    if (base.endsWith('.js')) candidates.push(`${base.slice(0, -3)}.ts`);
    return candidates.find(has) ?? null;
  }

  /** `from`: the path relative requires resolve against (a bundle stands in for the class file). */
  function load(path: string, from = path): unknown {
    const cached = cache.get(path);
    if (cached) return cached.exports; // also the partial exports of a module still loading (cycles)
    const source = files[path] ?? '';
    const module: { exports: unknown } = { exports: {} };
    cache.set(path, module);
    try {
      if (path.endsWith('.json')) {
        module.exports = JSON.parse(source) as unknown;
        return module.exports;
      }
      const bundled = source.startsWith(BUNDLED_MARKER);
      const fn = evaluate(bundled ? source : transpile(path, source), appUrl(path));
      fn(module.exports as object, makeRequire(from), module, from, dirnameOf(from));
    } catch (e) {
      cache.delete(path);
      throw e;
    }
    return module.exports;
  }

  function makeRequire(from: string): (specifier: string) => unknown {
    return function require(specifier: string): unknown {
      if (typeof specifier !== 'string') throw new TypeError(`require() expects a string, got ${typeof specifier}`);
      if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
        const resolved = resolveRelative(from, specifier);
        if (resolved === null) throw new Error(`Cannot find module "${specifier}" from "${from}"`);
        return load(resolved);
      }
      const engine = resolveAppsEngine(specifier);
      if (engine) return engine;
      const builtin = resolveBuiltin(specifier);
      if (builtin) return builtin;
      throw notProvided(specifier);
    };
  }

  return {
    requireFile(path: string): unknown {
      const bundle = bundlePathFor(path);
      if (bundle !== path && has(bundle)) {
        const map = files[`${bundle}.map`];
        if (map !== undefined) registerSourceMap(bundle, map);
        return load(bundle, path);
      }
      if (!has(path)) throw new Error(`Cannot find the app file "${path}"`);
      return load(path);
    },
  };
}
