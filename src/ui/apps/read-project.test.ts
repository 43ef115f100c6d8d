/**
 * Opening a folder with node_modules, as the page reads it (read-project.ts + npm-plan.ts), in
 * Node: the picked-files path (webkitdirectory) and the dropped-folder path (the entries API, here
 * faked over the fixture folder), with the worker replaced by the same bundler run by native
 * esbuild. Both bundle fixtures/apps/npm-local-package and read only the files its imports reach.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, transform } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { bundleFiles } from '../../bundle/bundle-files.ts';
import { bundlePathFor } from '../../bundle/loaded-app.ts';
import { FIXTURE_APPS_DIR } from '../../test-support/fixture-apps.ts';

const read: string[] = [];

vi.mock('./bundler/bundle-client.ts', () => ({
  bundleInWorker: async (app: { classFile: string; files: Record<string, string> }, readDep: (p: string) => Promise<string | null>) => {
    const files = Object.fromEntries(Object.entries(app.files).filter(([p]) => !p.startsWith('__bundle__/')));
    try {
      const r = await bundleFiles({
        build,
        transform,
        files,
        classFile: app.classFile,
        outPath: bundlePathFor(app.classFile),
        readDep: async (p) => {
          const t = await readDep(p);
          if (t !== null) read.push(p);
          return t;
        },
      });
      return { ok: true, ...r, initMs: 0, bundleMs: 0 };
    } catch (e) {
      const err = e as { message: string; file?: string; line?: number };
      return { ok: false, message: err.message, file: err.file, line: err.line };
    }
  },
}));

const { planFromDrop, planFromFileList } = await import('./read-project.ts');

const ROOT = join(FIXTURE_APPS_DIR, 'npm-local-package');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function fileOf(abs: string, rel: string): File {
  const f = new File([readFileSync(abs)], abs.split('/').pop() ?? '');
  Object.defineProperty(f, 'webkitRelativePath', { value: rel });
  return f;
}

/** A FileSystemDirectoryEntry over a folder on disk (what a drop gives the page). */
function dirEntry(abs: string): FileSystemDirectoryEntry {
  const entryAt = (p: string): FileSystemEntry => (statSync(p).isDirectory() ? dirEntry(p) : fileEntry(p));
  return {
    name: abs.split('/').pop() ?? '',
    isDirectory: true,
    isFile: false,
    createReader: () => {
      let done = false;
      return { readEntries: (ok: (e: FileSystemEntry[]) => void) => ok(done ? [] : ((done = true), readdirSync(abs).map((n) => entryAt(join(abs, n))))) };
    },
    getFile: (path: string, _o: unknown, ok: (e: FileSystemEntry) => void, fail: (e: Error) => void) => {
      const p = join(abs, path ?? '');
      try {
        if (statSync(p).isFile()) return ok(fileEntry(p));
      } catch {
        /* no such file */
      }
      fail(new Error('NotFoundError'));
    },
  } as unknown as FileSystemDirectoryEntry;
}

function fileEntry(abs: string): FileSystemFileEntry {
  return {
    name: abs.split('/').pop() ?? '',
    isDirectory: false,
    isFile: true,
    file: (ok: (f: File) => void) => ok(fileOf(abs, '')),
  } as unknown as FileSystemFileEntry;
}

describe('opening a folder with node_modules in the page', () => {
  it('picked files (Open folder…): bundles the npm packages, reads only what the imports reach', async () => {
    read.length = 0;
    const list = walk(ROOT).map((abs) => fileOf(abs, `npm-local-package/${relative(ROOT, abs)}`));
    const plan = await planFromFileList(list as unknown as FileList, []);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.problems).toEqual([]);
    expect(plan.bundled).toMatchObject({ packages: ['idle-words', 'words-core'], imported: ['idle-words'], depFiles: 5 });
    expect(plan.app.files['__bundle__/IdleWordsApp.js']).toContain('node_modules/idle-words/node_modules/words-core/core.js');
    expect(read.some((p) => p.includes('unused-decoy'))).toBe(false);
    expect(Object.keys(plan.app.files).filter((p) => p.includes('node_modules'))).toEqual([]);
  });

  it('a dropped folder: the same bundle, node_modules files looked up by path, never walked', async () => {
    read.length = 0;
    const data = { types: ['Files'], files: [], items: [{ kind: 'file', webkitGetAsEntry: () => dirEntry(ROOT) }] } as unknown as DataTransfer;
    const plan = await planFromDrop(data, []);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.problems).toEqual([]);
    expect(plan.bundled).toMatchObject({ packages: ['idle-words', 'words-core'], depFiles: 5 });
    expect(read.sort()).toEqual([
      'node_modules/idle-words/lib/index.cjs',
      'node_modules/idle-words/lib/shout.js',
      'node_modules/idle-words/node_modules/words-core/core.js',
      'node_modules/idle-words/node_modules/words-core/package.json',
      'node_modules/idle-words/package.json',
    ]);
  });

  it('without node_modules, an npm import is named with what to do', async () => {
    const list = walk(ROOT)
      .filter((abs) => !abs.includes('node_modules'))
      .map((abs) => fileOf(abs, `npm-local-package/${relative(ROOT, abs)}`));
    const plan = await planFromFileList(list as unknown as FileList, []);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'IdleWordsApp.ts:4 imports "idle-words": the Rocket.Chat apps runtime does not provide it, and the opened folder has no node_modules to bundle it from: run `npm install` in the app folder, then open it again',
      'IdleWordsApp.ts:5 imports "idle-words/shout": the Rocket.Chat apps runtime does not provide it, and the opened folder has no node_modules to bundle it from: run `npm install` in the app folder, then open it again',
      'IdleWordsApp.ts:8 imports "idle-words/shout": the Rocket.Chat apps runtime does not provide it, and the opened folder has no node_modules to bundle it from: run `npm install` in the app folder, then open it again',
    ]);
    expect(plan.bundled).toBeUndefined();
  });
});
