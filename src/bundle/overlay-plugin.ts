/**
 * Bundling an app folder with some of its files replaced by text held in memory (the edits made
 * in `hookscope dev`'s browser editor, not saved yet): the files of the overlay win over the disk,
 * files only in the overlay can be imported, and everything else (node_modules above all) is
 * read from the folder as usual. Paths are relative to the app folder, with `/`.
 */
import type { Loader, Plugin } from 'esbuild';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

const LOADERS: Record<string, Loader> = { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx', json: 'json', txt: 'text' };
const toPosix = (p: string): string => p.split(sep).join('/');

export function overlayPlugin(dir: string, files: Readonly<Record<string, string>>): Plugin {
  const has = (rel: string) => Object.prototype.hasOwnProperty.call(files, rel);
  /** The overlay path of an absolute path inside the app folder (not node_modules), or null. */
  const own = (abs: string): string | null => {
    const rel = toPosix(relative(dir, abs));
    if (rel === '' || rel.startsWith('../') || isAbsolute(rel) || rel.split('/').includes('node_modules')) return null;
    return rel;
  };
  return {
    name: 'hookscope-overlay',
    setup(b) {
      // Relative imports (and the entry point) that name a file of the overlay, with the
      // extensions the runtime tries (src/runtime/module-loader.ts).
      b.onResolve({ filter: /^\.{0,2}\// }, (args) => {
        const from = args.kind === 'entry-point' ? dir : args.resolveDir;
        if (args.kind !== 'entry-point' && (!args.importer || own(args.importer) === null)) return undefined;
        const base = isAbsolute(args.path) ? args.path : join(from, args.path);
        const rel = own(base);
        if (rel === null) return undefined;
        const candidates = [rel, `${rel}.ts`, `${rel}.js`, `${rel}/index.ts`, `${rel}/index.js`];
        if (rel.endsWith('.js')) candidates.push(`${rel.slice(0, -3)}.ts`);
        const hit = candidates.find(has);
        return hit === undefined ? undefined : { path: join(dir, hit) };
      });
      b.onLoad({ filter: /.*/ }, (args) => {
        const rel = own(args.path);
        if (rel === null || !has(rel)) return undefined;
        const ext = rel.slice(rel.lastIndexOf('.') + 1);
        return { contents: files[rel] ?? '', loader: LOADERS[ext] ?? 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}
