/**
 * Apps loaded the way the server gets them (spec 7.3, "require"): an app folder bundled like the
 * apps compiler does, and the zip `rc-apps package` writes, run in the Node runner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import type { TraceEvent } from '../engine/trace.ts';
import { makeEngine } from '../test-support/engine-harness.ts';
import { FIXTURE_APPS_DIR, prepareFixtureApp, removeFixtureApps } from '../test-support/fixture-apps.ts';
import { BUNDLED_MARKER, loadAppFolder, loadAppZip, toAppDefinition, type LoadedApp } from './index.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});
afterAll(removeFixtureApps);

function logText(events: readonly TraceEvent[], runId: string): string[] {
  return events.flatMap((e) => (e.type === 'log' && e.runId === runId ? [e.args.map((a) => ('v' in a ? String(a.v) : a.t)).join(' ')] : []));
}

async function createRoom(app: LoadedApp, name: string) {
  engine = await makeEngine([toAppDefinition(app)]);
  const r = await engine.run({ action: 'createRoom', name, type: 'c', creator: 'alice' });
  return { r, events: engine.trace.events };
}

describe('loadAppFolder', () => {
  it('bundles the class file, its relative imports and an npm dependency from the app folder', async () => {
    const app = await loadAppFolder(prepareFixtureApp('npm-dependency'));
    expect(app.manifest.name).toBe('Idle Room Notes');
    expect(app.classFile).toBe('IdleRoomNotesApp.ts');
    expect(app.files[app.bundlePath]?.startsWith(BUNDLED_MARKER)).toBe(true);
    expect(app.files[app.bundlePath]).toContain('require("@rocket.chat/apps-engine/definition/App")');
    expect(Object.keys(app.sources).sort()).toEqual(['IdleRoomNotesApp.ts', 'app.json', 'notes/keep.txt', 'package.json', 'src/describe.ts']);
    const { r, events } = await createRoom(app, 'lobby');
    expect(r.outcome).toBe('completed');
    expect(logText(events, r.runId)).toContain('lobby may stay idle for 2 hours');
  });

  it('sends a stack frame inside the bundle back to the source line', async () => {
    const app = await loadAppFolder(prepareFixtureApp('npm-dependency'));
    const { r, events } = await createRoom(app, 'crash');
    const end = events.find((e) => e.type === 'call-end' && e.runId === r.runId);
    expect(JSON.stringify(end)).toContain('IdleRoomNotesApp.ts:10');
    expect(JSON.stringify(end)).not.toContain('__bundle__');
  });

  it('names the file, line and module that cannot be resolved', async () => {
    const dir = prepareFixtureApp('npm-dependency');
    writeFileSync(join(dir, 'src/describe.ts'), "import left from 'left-pad-nowhere';\nexport const idleLimit = (n: number) => left(String(n));\n");
    await expect(loadAppFolder(dir)).rejects.toThrow(
      /src\/describe\.ts:1:\d+: "left-pad-nowhere" is imported by src\/describe\.ts:1 but node_modules\/left-pad-nowhere is not in the app folder \(run `npm install left-pad-nowhere`/,
    );
  });

  it('names the file and line of a syntax error', async () => {
    const dir = prepareFixtureApp('npm-dependency');
    writeFileSync(join(dir, 'src/describe.ts'), 'export function idleLimit(n: number) {\n  return n +;\n}\n');
    await expect(loadAppFolder(dir)).rejects.toThrow(/src\/describe\.ts:2:\d+: /);
  });

  it('refuses a folder without app.json or whose class file is missing', async () => {
    const dir = prepareFixtureApp('npm-dependency');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(loadAppFolder(empty)).rejects.toThrow(/no app\.json/);
    writeFileSync(join(empty, 'app.json'), JSON.stringify({ id: 'x', name: 'X', classFile: 'Nope.ts' }));
    await expect(loadAppFolder(empty)).rejects.toThrow(/class file "Nope\.ts", which is not in the folder/);
  });
});

describe('loadAppZip', () => {
  /** What `rc-apps package` writes: app.json (classFile still .ts) and the bundled `.js`. */
  async function packaged(): Promise<Uint8Array> {
    const app = await loadAppFolder(prepareFixtureApp('npm-dependency'));
    const bundle = (app.files[app.bundlePath] ?? '').slice(BUNDLED_MARKER.length);
    return zipSync({ 'app.json': strToU8(JSON.stringify(app.manifest)), 'IdleRoomNotesApp.js': strToU8(bundle), 'notes/keep.txt': strToU8('kept') });
  }

  it('runs the bundled class file of a package as it is', async () => {
    const app = loadAppZip(await packaged(), 'idle-room-notes_0.1.0.zip');
    expect(app.files[app.bundlePath]?.startsWith(BUNDLED_MARKER)).toBe(true);
    expect(app.sources['notes/keep.txt']).toBe('kept');
    const { r, events } = await createRoom(app, 'lobby');
    expect(logText(events, r.runId)).toContain('lobby may stay idle for 2 hours');
  });

  it('says what is wrong with a package that is not one', async () => {
    expect(() => loadAppZip(strToU8('not a zip'), 'x.zip')).toThrow(/package x\.zip: not a readable zip file/);
    expect(() => loadAppZip(zipSync({ 'readme.md': strToU8('hi') }), 'y.zip')).toThrow(/package y\.zip: there is no app\.json/);
    expect(() => loadAppZip(zipSync({ 'app.json': strToU8('{"id":"a","name":"A","classFile":"A.ts"}') }), 'z.zip')).toThrow(/has no "A\.js"/);
  });
});

/**
 * fixtures/apps/npm-local-package: npm packages we wrote, committed in its node_modules (exports
 * with require/import conditions, a sub-path export, a nested node_modules, a Node built-in, a
 * package that is installed but never imported). e2e/open-npm-app.spec.ts opens the same folder,
 * and the zip made here, in the browser and expects the same outcomes.
 */
describe('npm-local-package in the Node runner', () => {
  const dir = join(FIXTURE_APPS_DIR, 'npm-local-package');
  const LOG = 'LOBBY MAY STAY IDLE FOR 2 HOURS!';

  it('bundles its packages as the apps compiler does (the compiled app requires: require conditions; a nested node_modules; never the decoy) and runs: lobby completes with the log, quiet-room is prevented', async () => {
    const app = await loadAppFolder(dir);
    const bundle = app.files[app.bundlePath] ?? '';
    expect(bundle).toContain('node_modules/idle-words/node_modules/words-core/core.js');
    expect(bundle).not.toContain('WRONG');
    expect(bundle).not.toContain('unused-decoy');
    expect(bundle).toContain('require("util")');
    const { r, events } = await createRoom(app, 'lobby');
    expect(r.outcome).toBe('completed');
    expect(logText(events, r.runId)).toContain(LOG);
    // `import * as loud from 'idle-words/shout'` then `loud(...)`: callable, as TypeScript's CommonJS emit makes it on the server.
    expect(logText(events, r.runId)).toContain('NAMESPACE IMPORT CALLED!');
    const quiet = await engine!.run({ action: 'createRoom', name: 'quiet-room', type: 'c', creator: 'alice' });
    expect(quiet.outcome).toBe('prevented');
  });

  it('the zip rc-apps package would make of it runs the same', async () => {
    const app = await loadAppFolder(dir);
    const zip = zipSync({
      'app.json': strToU8(JSON.stringify(app.manifest)),
      'IdleWordsApp.js': strToU8((app.files[app.bundlePath] ?? '').slice(BUNDLED_MARKER.length)),
    });
    const fromZip = loadAppZip(zip, 'idle-words-app_0.2.0.zip');
    const { r, events } = await createRoom(fromZip, 'lobby');
    expect(r.outcome).toBe('completed');
    expect(logText(events, r.runId)).toContain(LOG);
    expect((await engine!.run({ action: 'createRoom', name: 'quiet-room', type: 'c', creator: 'alice' })).outcome).toBe('prevented');
  });
});
