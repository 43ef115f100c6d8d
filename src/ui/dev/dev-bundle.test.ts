import { afterEach, describe, expect, it } from 'vitest';
import { DEV_WRITE_HEADER, type DevBundle } from '../../dev-server/protocol.ts';
import { prepareApp, preparedKey, setAppPreparer } from '../../state/app-prepare.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';
import { installDevBundler } from './dev-bundle.ts';

const app: WorkspaceApp = {
  id: 'notes',
  name: 'Notes',
  classFile: 'NotesApp.ts',
  enabled: true,
  files: { 'app.json': '{}', 'NotesApp.ts': "import ms = require('ms');" },
};
const folderBundle: DevBundle = {
  ok: true,
  path: '__bundle__/NotesApp.js',
  code: '/*hookscope:cjs*/ folder',
  map: '{"sources":["NotesApp.ts"]}',
  warnings: [],
};

function fakeServer(answer: (body: { files: Record<string, string> }) => DevBundle) {
  const calls: { url: string; headers: Record<string, string>; body: { files: Record<string, string> } }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { files: Record<string, string> };
    calls.push({ url, headers: init.headers as Record<string, string>, body });
    return new Response(JSON.stringify(answer(body)), { status: 200 });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

afterEach(() => setAppPreparer(null));

describe('hookscope dev in the page: what the engine installs', () => {
  it('waits for the folder, then adds its bundle and source map beside the sources', async () => {
    const server = fakeServer(() => folderBundle);
    const bundler = installDevBundler('/dev', server.fetchImpl);
    const prepared = prepareApp(app);
    bundler.setFolder({ appId: 'notes', version: 0, bundle: folderBundle }, app);
    const out = await prepared;
    expect(out.files['__bundle__/NotesApp.js']).toBe('/*hookscope:cjs*/ folder');
    expect(out.files['__bundle__/NotesApp.js.map']).toBe('{"sources":["NotesApp.ts"]}');
    expect(out.files['NotesApp.ts']).toBe(app.files['NotesApp.ts']);
    expect(app.files['__bundle__/NotesApp.js']).toBeUndefined();
    expect(server.calls).toHaveLength(0);
  });

  it('asks the server to bundle edited sources, once per text, with the dev header', async () => {
    const server = fakeServer((b) => ({ ...folderBundle, code: `/*hookscope:cjs*/ ${b.files['NotesApp.ts']}` }));
    const bundler = installDevBundler('/dev', server.fetchImpl);
    bundler.setFolder({ appId: 'notes', version: 0, bundle: folderBundle }, app);
    const edited = { ...app, files: { ...app.files, 'NotesApp.ts': 'edited' } };
    expect((await prepareApp(edited)).files['__bundle__/NotesApp.js']).toBe('/*hookscope:cjs*/ edited');
    await prepareApp(structuredClone(edited));
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.url).toBe('/dev/bundle');
    expect(server.calls[0]!.headers[DEV_WRITE_HEADER]).toBe('1');
    expect(server.calls[0]!.body.files['NotesApp.ts']).toBe('edited');
    // Back to the folder's text: its own bundle, no request.
    expect((await prepareApp(app)).files['__bundle__/NotesApp.js']).toBe('/*hookscope:cjs*/ folder');
    expect(bundler.requests()).toBe(1);
  });

  it('a bundle that fails is the load error; other apps are left as they are; a new folder version reloads', async () => {
    const error = 'Could not bundle the app: NotesApp.ts:1:21: Cannot find module "ms"';
    const bundler = installDevBundler('/dev', fakeServer(() => ({ ok: false, error })).fetchImpl);
    bundler.setFolder({ appId: 'notes', version: 3, bundle: { ok: false, error } }, app);
    await expect(prepareApp(app)).rejects.toThrow(error);
    await expect(prepareApp({ ...app, files: { ...app.files, 'NotesApp.ts': 'x' } })).rejects.toThrow(error);
    const other = { ...app, id: 'other' };
    expect(await prepareApp(other)).toBe(other);
    expect(preparedKey(app)).toBe('folder:3');
    expect(preparedKey(other)).toBe('');
  });
});
