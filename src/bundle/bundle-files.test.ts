/**
 * The browser's bundler (bundle-files.ts, run by esbuild-wasm in the page) against the Node one
 * (bundle-node.ts) on the same fixture folder: the same bundle, the same map, the same messages;
 * and it reads only the node_modules files the app's imports reach.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_APPS_DIR, prepareFixtureApp, removeFixtureApps } from '../test-support/fixture-apps.ts';
import { bundleAppFolder } from './bundle-node.ts';
import { bundleFiles } from './bundle-files.ts';
import { bundlePathFor } from './loaded-app.ts';

afterAll(removeFixtureApps);

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

/** The folder as the page holds it: own files in memory, node_modules asked for one file at a time. */
function asPage(dir: string) {
  const files: Record<string, string> = {};
  const all = walk(dir);
  for (const p of all) if (!p.startsWith('node_modules/') && /\.(ts|json)$/.test(p)) files[p] = readFileSync(join(dir, p), 'utf8');
  const asked: string[] = [];
  const readDep = (p: string): Promise<string | null> => {
    asked.push(p);
    return Promise.resolve(all.includes(p) ? readFileSync(join(dir, p), 'utf8') : null);
  };
  return { files, readDep, asked, nodeModules: all.filter((p) => p.startsWith('node_modules/')) };
}

describe('bundleFiles (the browser bundler) and bundleAppFolder (the Node one)', () => {
  it('make the same bundle and source map of the npm-dependency fixture', async () => {
    const dir = prepareFixtureApp('npm-dependency');
    const classFile = 'IdleRoomNotesApp.ts';
    const node = await bundleAppFolder(dir, classFile, bundlePathFor(classFile));
    const page = asPage(dir);
    const browser = await bundleFiles({ build, transform, files: page.files, classFile, outPath: bundlePathFor(classFile), readDep: page.readDep });
    expect(browser.code).toBe(node.code);
    expect(JSON.parse(browser.map)).toEqual(JSON.parse(node.map));
    // The compiled app requires its files in order (TypeScript's CommonJS emit): describe.ts comes before the class file.
    expect(JSON.parse(browser.map).sources).toEqual(['node_modules/ms/index.js', 'src/describe.ts', 'IdleRoomNotesApp.ts']);
    expect(browser.packages).toEqual(['ms']);
    expect(browser.depFiles).toEqual(['node_modules/ms/index.js', 'node_modules/ms/package.json']);
    // Of the folder's node_modules files, only what resolution reached was asked for.
    expect(page.nodeModules.length).toBeGreaterThan(browser.depFiles.length);
    expect(page.asked.every((p) => /^(src\/)?node_modules\/ms/.test(p))).toBe(true);
  });

  it('make the same bundle of npm-local-package (exports conditions, sub-path, nested node_modules) and never read the decoy', async () => {
    // Copied out of the repository: inside it, esbuild would also read hookscope's own tsconfig.json.
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-npm-local-'));
    cpSync(join(FIXTURE_APPS_DIR, 'npm-local-package'), dir, { recursive: true });
    const classFile = 'IdleWordsApp.ts';
    const node = await bundleAppFolder(dir, classFile, bundlePathFor(classFile));
    const page = asPage(dir);
    const browser = await bundleFiles({ build, transform, files: page.files, classFile, outPath: bundlePathFor(classFile), readDep: page.readDep });
    expect(browser.code).toBe(node.code);
    expect(JSON.parse(browser.map)).toEqual(JSON.parse(node.map));
    expect(browser.packages).toEqual(['idle-words', 'words-core']);
    expect(page.asked.some((p) => p.includes('unused-decoy'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('name the line as written when compiling moved it (type-only imports dropped, an import-equals moved)', async () => {
    const files = {
      'A.ts':
        "import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';\nimport { Helper } from './helper';\n\n// the next import is line 5\nimport nope = require('nope-pkg');\nexport const a = (r: IRead, h: Helper) => nope(r, h);\n",
      'helper.ts': 'export interface Helper { x: number }\n',
    };
    const run = bundleFiles({ build, transform, files, classFile: 'A.ts', outPath: '__bundle__/A.js', readDep: () => Promise.resolve(null) });
    await expect(run).rejects.toThrow(/^Could not bundle the app: A\.ts:5:\d+: "nope-pkg" is imported by A\.ts:5 but/);
    await expect(run).rejects.toMatchObject({ file: 'A.ts', line: 5 });
  });

  it('name the importing file and line of a package that is not installed, in the same words', async () => {
    const dir = prepareFixtureApp('npm-dependency');
    const page = asPage(dir);
    page.files['src/describe.ts'] = "import left from 'left-pad-nowhere';\nexport const idleLimit = (n: number) => left(String(n));\n";
    const run = bundleFiles({
      build,
      transform,
      files: page.files,
      classFile: 'IdleRoomNotesApp.ts',
      outPath: '__bundle__/IdleRoomNotesApp.js',
      readDep: page.readDep,
    });
    // The column is the compiled line's (TypeScript's CommonJS emit writes the import as a require on the same line).
    await expect(run).rejects.toThrow(
      /^Could not bundle the app: src\/describe\.ts:1:\d+: "left-pad-nowhere" is imported by src\/describe\.ts:1 but node_modules\/left-pad-nowhere is not in the opened folder \(run `npm install left-pad-nowhere` in the app folder\)$/,
    );
    await expect(run).rejects.toMatchObject({ file: 'src/describe.ts', line: 1 });
  });

  it('refuses a node_modules file too large to bundle in the page, naming it', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024 + 1);
    const run = bundleFiles({
      build,
      transform,
      files: { 'A.ts': "import huge = require('huge');\nexport const n = huge;\n" },
      classFile: 'A.ts',
      outPath: '__bundle__/A.js',
      readDep: (p) => Promise.resolve(p === 'node_modules/huge/index.js' ? big : null),
    });
    await expect(run).rejects.toThrow(/node_modules\/huge\/index\.js is larger than 8 MB/);
  });

  it('a syntax error names the file and line', async () => {
    const run = bundleFiles({
      build,
      transform,
      files: { 'A.ts': 'export class A {\n  x = ;\n}\n' },
      classFile: 'A.ts',
      outPath: '__bundle__/A.js',
      readDep: () => Promise.resolve(null),
    });
    await expect(run).rejects.toThrow(/A\.ts:2:\d+: /);
  });

  it('leaves the Apps-Engine and Node built-ins to the runtime, bundles sub-path imports and nested node_modules', async () => {
    const dep: Record<string, string> = {
      'node_modules/hashy/package.json': '{"name":"hashy","version":"1.0.0"}',
      'node_modules/hashy/sha256.js':
        "var core = require('./core');\nvar words = require('wordy');\nmodule.exports = function (s) { return core.tag + words(s); };\n",
      'node_modules/hashy/core.js': 'exports.tag = "sha:";\n',
      'node_modules/hashy/node_modules/wordy/package.json': '{"name":"wordy","exports":{".":{"import":"./wordy.mjs","require":"./wordy.cjs"}}}',
      'node_modules/hashy/node_modules/wordy/wordy.cjs': 'module.exports = function (s) { return s.split("").reverse().join(""); };\n',
      'node_modules/wordy/package.json': '{"name":"wordy","main":"WRONG.js"}',
    };
    const files = {
      'A.ts':
        "import { App } from '@rocket.chat/apps-engine/definition/App';\nimport { createHash } from 'node:crypto';\nimport * as path from 'path';\nimport sha256 = require('hashy/sha256');\nexport class A extends App { x = sha256('ab') + path.sep + typeof createHash; }\n",
    };
    const asked: string[] = [];
    const r = await bundleFiles({
      build,
      transform,
      files,
      classFile: 'A.ts',
      outPath: '__bundle__/A.js',
      readDep: (p) => (asked.push(p), Promise.resolve(dep[p] ?? null)),
    });
    expect(r.code).toContain('require("@rocket.chat/apps-engine/definition/App")');
    expect(r.code).toContain('require("node:crypto")');
    expect(r.code).toContain('require("path")');
    expect(r.code).toContain('s.split("").reverse()');
    expect(r.packages).toEqual(['hashy', 'wordy']);
    expect(asked).not.toContain('node_modules/wordy/package.json');
  });
});
