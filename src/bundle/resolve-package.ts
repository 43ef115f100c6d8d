/**
 * Node's module resolution as esbuild does it for `platform: 'node'`, over files asked for one at
 * a time (`read(path)`, paths relative to the app folder, posix): the browser has no file system,
 * and a real node_modules holds thousands of files of which an app reaches a few. Package
 * `exports` (conditions `require`/`import`, `node`, `module`, `default`; subpath patterns), then
 * `main` and `module`, then `index`; extensions as esbuild tries them.
 *
 * Pure: no `node:` imports.
 */
import { normalizePath, packageNameOf } from './compiler-rules.ts';

/** The text of a file, or null when there is no such file (a folder is not a file). */
export type ReadFile = (path: string) => Promise<string | null>;

/** esbuild's default `resolveExtensions`. */
const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.css', '.json'];
/** esbuild's `mainFields` for `platform: 'node'`. */
const MAIN_FIELDS = ['main', 'module'];

export type ResolveKind = 'require' | 'import';

export type Resolved = { ok: true; path: string } | { ok: false; reason: 'not-installed' | 'not-found' | 'not-exported'; detail: string };

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const join = (...parts: string[]): string => normalizePath(parts.filter((p) => p !== '').join('/'));

async function exists(read: ReadFile, path: string): Promise<boolean> {
  return (await read(path)) !== null;
}

/** `p` as a file, with esbuild's extensions (and `.js` -> `.ts` for TypeScript imports). */
async function asFile(read: ReadFile, p: string): Promise<string | null> {
  if (p !== '' && (await exists(read, p))) return p;
  for (const ext of EXTENSIONS) if (await exists(read, p + ext)) return p + ext;
  const js = /\.(m|c)?js$/.exec(p);
  if (js) {
    const base = p.slice(0, -js[0].length);
    for (const ext of ['.ts', '.tsx']) if (await exists(read, base + ext)) return base + ext;
  }
  return null;
}

async function readJson(read: ReadFile, path: string): Promise<Record<string, unknown> | null> {
  const text = await read(path);
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `p` as a folder: its package.json's main fields, then `index`. */
async function asDirectory(read: ReadFile, p: string): Promise<string | null> {
  const pkg = await readJson(read, join(p, 'package.json'));
  if (pkg) {
    for (const field of MAIN_FIELDS) {
      const main = pkg[field];
      if (typeof main !== 'string' || main === '') continue;
      const target = join(p, main);
      const found = (await asFile(read, target)) ?? (await asIndex(read, target));
      if (found) return found;
    }
  }
  return asIndex(read, p);
}

async function asIndex(read: ReadFile, p: string): Promise<string | null> {
  for (const ext of EXTENSIONS) if (await exists(read, join(p, `index${ext}`))) return join(p, `index${ext}`);
  return null;
}

/** A file or folder path (relative import, or a package without `exports`). */
export async function resolvePath(read: ReadFile, p: string): Promise<string | null> {
  return (await asFile(read, p)) ?? (await asDirectory(read, p));
}

function conditionsFor(kind: ResolveKind): Set<string> {
  return new Set(['default', kind, 'node', 'module']);
}

/** One `exports` target (string, condition object, or array of fallbacks) -> a path inside the package, or null. */
function exportTarget(target: unknown, conditions: Set<string>, star: string | null): string | null {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) return null;
    return star === null ? target : target.split('*').join(star);
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = exportTarget(t, conditions, star);
      if (r !== null) return r;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    for (const [key, value] of Object.entries(target)) {
      if (!conditions.has(key)) continue;
      const r = exportTarget(value, conditions, star);
      if (r !== null) return r;
    }
  }
  return null;
}

/** Node's PACKAGE_EXPORTS_RESOLVE for `subpath` (`.` or `./x`). */
export function resolveExports(exports: unknown, subpath: string, kind: ResolveKind): string | null {
  const conditions = conditionsFor(kind);
  const isMap = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  const map: Record<string, unknown> = isMap ? (exports as Record<string, unknown>) : { '.': exports };
  if (Object.hasOwn(map, subpath) && !subpath.includes('*')) return exportTarget(map[subpath], conditions, null);
  // Subpath patterns: the longest matching prefix wins.
  let best: { key: string; star: string } | null = null;
  for (const key of Object.keys(map)) {
    const at = key.indexOf('*');
    if (at < 0) continue;
    const prefix = key.slice(0, at);
    const suffix = key.slice(at + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      if (!best || prefix.length > best.key.indexOf('*')) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
    }
  }
  return best ? exportTarget(map[best.key], conditions, best.star) : null;
}

/**
 * A bare specifier (`ms`, `crypto-js/sha256`, `@scope/pkg/x`) imported from a file in `fromDir`:
 * node_modules folders from there up to the app folder, as Node walks them.
 */
export async function resolvePackage(read: ReadFile, specifier: string, fromDir: string, kind: ResolveKind): Promise<Resolved> {
  const name = packageNameOf(specifier);
  const sub = specifier.slice(name.length); // '' or '/x'
  const dirs: string[] = [];
  for (let d = normalizePath(fromDir); ; d = dirOf(d)) {
    if (d.split('/').pop() !== 'node_modules') dirs.push(d);
    if (d === '') break;
  }
  for (const d of dirs) {
    const base = join(d, 'node_modules', name);
    const pkg = await readJson(read, join(base, 'package.json'));
    if (pkg && pkg['exports'] !== undefined && pkg['exports'] !== null) {
      const target = resolveExports(pkg['exports'], `.${sub}`, kind);
      if (target === null)
        return { ok: false, reason: 'not-exported', detail: `node_modules/${name}/package.json does not export "${`.${sub}`}" for require/import` };
      const path = join(base, target);
      if (await exists(read, path)) return { ok: true, path };
      return { ok: false, reason: 'not-found', detail: `${path} (named by the "exports" of node_modules/${name}/package.json) is not in the opened folder` };
    }
    const found = await resolvePath(read, sub === '' ? base : join(base, sub));
    if (found) return { ok: true, path: found };
    if (pkg) return { ok: false, reason: 'not-found', detail: `node_modules/${name} has no file for "${specifier}"` };
  }
  return { ok: false, reason: 'not-installed', detail: `node_modules/${name}` };
}
