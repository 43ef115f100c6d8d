/**
 * `hookscope dev`'s server gives the page the app folder bundled as `hookscope run` bundles it
 * (npm dependencies from the folder's node_modules), bundles it again after a change on disk,
 * and bundles the page's edited sources against the folder's node_modules on request, behind
 * the same protections as writes (Host, the dev header) and a size budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFixtureApp, removeFixtureApps } from '../test-support/fixture-apps.ts';
import { DEV_BASE, DEV_BUNDLE_LIMITS, DEV_WRITE_HEADER, type DevBundle, type DevProject } from './protocol.ts';
import { startDevServer, type DevServer } from './server.ts';

let dir = '';
let server: DevServer;
const changes: string[][] = [];
const bundles: DevBundle[] = [];

beforeAll(async () => {
  dir = prepareFixtureApp('npm-dependency');
  const web = mkdtempSync(join(tmpdir(), 'hookscope-dev-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  server = await startDevServer({ dir, webRoot: web, port: 0, onChange: (c) => changes.push(c.paths), onBundle: (b) => bundles.push(b) });
}, 30_000);

afterAll(async () => {
  await server?.close();
  removeFixtureApps();
});

const at = (path: string) => new URL(`${DEV_BASE}/${path}`, server.url);
const project = async () => (await (await fetch(at('project'))).json()) as DevProject;
const post = (body: string, headers: Record<string, string> = { [DEV_WRITE_HEADER]: '1' }) =>
  fetch(at('bundle'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const sources = async () => Object.fromEntries((await project()).files.map((f) => [f.path, f.text]));

describe('hookscope dev server: the bundle the page runs', () => {
  it('serves the folder bundled with its npm dependency, and a source map onto the app files', async () => {
    const p = await project();
    expect(p.files.map((f) => f.path)).toContain('src/describe.ts');
    expect(p.bundle.ok).toBe(true);
    const b = p.bundle as Extract<DevBundle, { ok: true }>;
    expect(b.path).toBe('__bundle__/IdleRoomNotesApp.js');
    expect(b.code.startsWith('/*hookscope:cjs*/')).toBe(true);
    // ms comes from the folder's node_modules, inside the bundle; the Apps-Engine stays external.
    expect(b.code).toContain('node_modules/ms/index.js');
    expect(b.code).toContain('require("@rocket.chat/apps-engine/definition/App")');
    expect((JSON.parse(b.map) as { sources: string[] }).sources).toEqual(
      expect.arrayContaining(['IdleRoomNotesApp.ts', 'src/describe.ts', 'node_modules/ms/index.js']),
    );
  });

  it('bundles the page edits against the folder node_modules, files that exist only in the page included', async () => {
    const files = await sources();
    files['IdleRoomNotesApp.ts'] = files['IdleRoomNotesApp.ts']!.replace("from './src/describe'", "from './src/other'");
    files['src/other.ts'] = "import ms = require('ms');\nexport const idleLimit = (m: number) => 'edited in the page: ' + ms(m * 60000);\n";
    const res = await post(JSON.stringify({ files, classFile: 'IdleRoomNotesApp.ts' }));
    expect(res.status).toBe(200);
    const b = (await res.json()) as DevBundle;
    expect(b.ok).toBe(true);
    if (b.ok) {
      expect(b.code).toContain('edited in the page: ');
      expect(b.code).toContain('node_modules/ms/index.js');
    }
  });

  it('says which file, line and module a bundle of edits cannot resolve, as the CLI does', async () => {
    const files = await sources();
    files['src/describe.ts'] = "import left from 'left-pad-nowhere';\nexport const idleLimit = (n: number) => left(String(n));\n";
    const b = (await (await post(JSON.stringify({ files, classFile: 'IdleRoomNotesApp.ts' }))).json()) as DevBundle;
    expect(b.ok).toBe(false);
    if (!b.ok)
      expect(b.error).toMatch(
        /^Could not bundle the app: src\/describe\.ts:1:\d+: "left-pad-nowhere" is imported by src\/describe\.ts:1 but node_modules\/left-pad-nowhere is not in the app folder \(run `npm install left-pad-nowhere`/,
      );
  });

  it('refuses bundle requests without the dev header, from another Host, over the budget or with paths outside the folder', async () => {
    const files = await sources();
    const body = JSON.stringify({ files, classFile: 'IdleRoomNotesApp.ts' });
    expect((await post(body, {})).status).toBe(403);
    const port = new URL(server.url).port;
    const { request } = await import('node:http');
    const otherHost = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: `${DEV_BASE}/bundle`, method: 'POST', headers: { host: `evil.example:${port}`, [DEV_WRITE_HEADER]: '1' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(otherHost).toBe(403);
    const huge = JSON.stringify({ files: { ...files, 'big.ts': 'x'.repeat(DEV_BUNDLE_LIMITS.bytes) }, classFile: 'IdleRoomNotesApp.ts' });
    expect((await post(huge)).status).toBe(413);
    const outside = await post(JSON.stringify({ files: { ...files, '../evil.ts': 'x' }, classFile: 'IdleRoomNotesApp.ts' }));
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('../evil.ts: not a path inside the app folder');
    expect((await post(JSON.stringify({ files: { ...files, 'node_modules/ms/index.js': 'x' }, classFile: 'IdleRoomNotesApp.ts' }))).status).toBe(400);
    expect((await post('{"files":{}}')).status).toBe(400);
  });

  it('bundles the folder again after a change on disk; a broken file is the bundle error', async () => {
    writeFileSync(
      join(dir, 'src/describe.ts'),
      "import ms = require('ms');\nexport function idleLimit(minutes: number): string {\n    return 'changed on disk ' + ms(minutes * 60 * 1000);\n}\n",
    );
    await expect.poll(() => changes.flat().includes('src/describe.ts'), { timeout: 10_000 }).toBe(true);
    const p = await project();
    expect(p.bundle.ok && p.bundle.code.includes('changed on disk ')).toBe(true);
    const n = changes.length;
    writeFileSync(join(dir, 'src/describe.ts'), 'export function idleLimit(n: number) {\n  return n +;\n}\n');
    await expect.poll(() => changes.length > n, { timeout: 10_000 }).toBe(true);
    const broken = await project();
    expect(broken.bundle.ok).toBe(false);
    if (!broken.bundle.ok) expect(broken.bundle.error).toMatch(/^Could not bundle the app: src\/describe\.ts:2:\d+: /);
    // Told to the CLI too (it prints it on stderr), as at start.
    expect(bundles[0]?.ok).toBe(true);
    expect(bundles.at(-1)).toEqual(broken.bundle);
  });
});
