/** Node's resolution over files asked for one at a time (what the page's bundler does with a folder's node_modules). */
import { describe, expect, it } from 'vitest';
import { resolveExports, resolvePackage, resolvePath, type ReadFile } from './resolve-package.ts';

function fs(files: Record<string, string>): { read: ReadFile; asked: string[] } {
  const asked: string[] = [];
  return { asked, read: (p) => (asked.push(p), Promise.resolve(Object.hasOwn(files, p) ? (files[p] as string) : null)) };
}

describe('resolveExports', () => {
  const exports = {
    '.': { import: './esm/index.mjs', require: './cjs/index.js' },
    './sha256': { node: { require: './cjs/sha256.js' }, default: './browser/sha256.js' },
    './lib/*': './dist/lib/*.js',
    './lib/private/*': null,
    './package.json': './package.json',
  };
  it('picks the require or import condition, then node and default, in the order the package lists them', () => {
    expect(resolveExports(exports, '.', 'require')).toBe('./cjs/index.js');
    expect(resolveExports(exports, '.', 'import')).toBe('./esm/index.mjs');
    expect(resolveExports(exports, './sha256', 'require')).toBe('./cjs/sha256.js');
    expect(resolveExports(exports, './sha256', 'import')).toBe('./browser/sha256.js');
    expect(resolveExports('./main.js', '.', 'require')).toBe('./main.js');
    expect(resolveExports(['./a.js'], '.', 'require')).toBe('./a.js');
  });
  it('expands subpath patterns (the longest prefix wins) and refuses what is not exported', () => {
    expect(resolveExports(exports, './lib/x/y', 'require')).toBe('./dist/lib/x/y.js');
    expect(resolveExports(exports, './lib/private/z', 'require')).toBeNull();
    expect(resolveExports(exports, './nope', 'require')).toBeNull();
  });
});

describe('resolvePackage', () => {
  it('follows main, adds extensions and index, and finds scoped packages', async () => {
    const { read } = fs({
      'node_modules/ms/package.json': '{"main":"./index"}',
      'node_modules/ms/index.js': '',
      'node_modules/@scope/pkg/package.json': '{}',
      'node_modules/@scope/pkg/index.js': '',
      'node_modules/@scope/pkg/util/index.json': '{}',
      'node_modules/crypto-js/package.json': '{"main":"index.js"}',
      'node_modules/crypto-js/sha256.js': '',
    });
    expect(await resolvePackage(read, 'ms', 'src', 'require')).toEqual({ ok: true, path: 'node_modules/ms/index.js' });
    expect(await resolvePackage(read, '@scope/pkg', '', 'import')).toEqual({ ok: true, path: 'node_modules/@scope/pkg/index.js' });
    expect(await resolvePackage(read, '@scope/pkg/util', '', 'import')).toEqual({ ok: true, path: 'node_modules/@scope/pkg/util/index.json' });
    expect(await resolvePackage(read, 'crypto-js/sha256', '', 'require')).toEqual({ ok: true, path: 'node_modules/crypto-js/sha256.js' });
  });
  it('walks up from a nested package, skipping node_modules folders themselves', async () => {
    const { read } = fs({ 'node_modules/a/node_modules/b/index.js': '', 'node_modules/b/index.js': '', 'node_modules/c/index.js': '' });
    expect(await resolvePackage(read, 'b', 'node_modules/a/lib', 'require')).toEqual({ ok: true, path: 'node_modules/a/node_modules/b/index.js' });
    expect(await resolvePackage(read, 'c', 'node_modules/a/lib', 'require')).toEqual({ ok: true, path: 'node_modules/c/index.js' });
  });
  it('says whether a package is not installed, not exported or has no such file', async () => {
    const { read, asked } = fs({ 'node_modules/e/package.json': '{"exports":{".":"./x.js"}}', 'node_modules/e/x.js': '', 'node_modules/f/package.json': '{}' });
    expect(await resolvePackage(read, 'nope', 'src', 'require')).toMatchObject({ ok: false, reason: 'not-installed', detail: 'node_modules/nope' });
    expect(await resolvePackage(read, 'e/y', '', 'require')).toMatchObject({ ok: false, reason: 'not-exported' });
    expect(await resolvePackage(read, 'f', '', 'require')).toMatchObject({ ok: false, reason: 'not-found' });
    // Only the candidate paths were asked for.
    expect(asked.every((p) => /node_modules\/(nope|e|f)(\/|\.|$)/.test(p))).toBe(true);
  });
});

describe('resolvePath', () => {
  it('tries the file, esbuild extensions, .js -> .ts, then the folder', async () => {
    const { read } = fs({ 'src/a.ts': '', 'src/b/index.ts': '', 'src/c.ts': '' });
    expect(await resolvePath(read, 'src/a')).toBe('src/a.ts');
    expect(await resolvePath(read, 'src/b')).toBe('src/b/index.ts');
    expect(await resolvePath(read, 'src/c.js')).toBe('src/c.ts');
    expect(await resolvePath(read, 'src/d')).toBeNull();
  });
});
