import { describe, expect, it, vi } from 'vitest';
import { blankApp } from '../workspace/app-files.ts';
import { restoreWorkspace, startAutosave, STORAGE_KEY } from './autosave.ts';
import { createAppStore } from './store.ts';
import { serializeWorkspace } from '../workspace/workspace-file.ts';
import { readWorkspace } from '../workspace/workspace-read.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('workspace slice', () => {
  it('re-enabling an app moves it to the end of the listener order', () => {
    const store = createAppStore();
    const s = store.getState();
    s.addApp(blankApp('Second', ['banned-words']));
    s.setEnabled('banned-words', false);
    expect(store.getState().apps.map((a) => a.id)).toEqual(['banned-words', 'second']);
    store.getState().setEnabled('banned-words', true);
    expect(store.getState().apps.map((a) => a.id)).toEqual(['second', 'banned-words']);
  });

  it('moves apps and keeps app.json in step with metadata edits', () => {
    const store = createAppStore();
    store.getState().addApp(blankApp('Second', ['banned-words']));
    store.getState().moveApp('second', 0);
    expect(store.getState().apps[0]?.id).toBe('second');
    store.getState().selectApp('second');
    store.getState().setAppMeta('second', { id: 'renamed', name: 'Renamed', version: '2.0.0', essentials: ['IPreRoomCreatePrevent'] });
    const app = store.getState().apps[0]!;
    expect(JSON.parse(app.files['app.json']!)).toMatchObject({ id: 'renamed', name: 'Renamed', version: '2.0.0', essentials: ['IPreRoomCreatePrevent'] });
    expect(store.getState().selectedAppId).toBe('renamed');
    expect(() => store.getState().setAppMeta('renamed', { id: 'banned-words', name: 'x', version: '1', essentials: [] })).toThrow(/already has the id/);
  });

  it('editing app.json by hand updates the app fields; files can be renamed but the class file not deleted', () => {
    const store = createAppStore();
    const s = store.getState();
    const json = JSON.parse(s.apps[0]!.files['app.json']!);
    s.setFile('banned-words', 'app.json', JSON.stringify({ ...json, name: 'No Casinos', version: '9.9.9' }));
    expect(store.getState().apps[0]).toMatchObject({ name: 'No Casinos', version: '9.9.9' });
    store.getState().renameFile('banned-words', 'BannedWordsApp.ts', 'Main.ts');
    expect(store.getState().apps[0]?.classFile).toBe('Main.ts');
    store.getState().deleteFile('banned-words', 'Main.ts');
    expect(store.getState().apps[0]?.files['Main.ts']).toBeDefined();
  });
});

describe('runs slice', () => {
  it('records a run, renames it to the engine runId, appends events and the answer', () => {
    const store = createAppStore();
    const action = store.getState().drafts.createRoom;
    store.getState().startRun({ id: 'local-1', action, startedAt: 1, unloadable: [] });
    store.getState().setRunId('local-1', 'run-1');
    store.getState().appendEvents('run-1', [{ type: 'run-settled', runId: 'run-1', at: 2 }]);
    store.getState().answerRun('run-1', { outcome: 'completed', error: null, roomId: 'r', summary: 'ok' }, store.getState().world);
    const run = store.getState().runs[0]!;
    expect(run).toMatchObject({ id: 'run-1', state: 'answered', result: { outcome: 'completed' } });
    expect(run.events).toHaveLength(1);
    expect(store.getState().lastAction).toEqual(action);
  });
});

describe('autosave', () => {
  it('round-trips the workspace, dates included, through the scenario-based file', () => {
    const store = createAppStore();
    store.getState().addApp(blankApp('Second', ['banned-words']));
    const text = serializeWorkspace(store.getState());
    const read = readWorkspace(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.workspace.apps.map((a) => a.id)).toEqual(['banned-words', 'second']);
    expect(read.workspace.world.users[0]?.createdAt).toBeInstanceOf(Date);
    expect(JSON.parse(text).scenario.apps[0].files['lib/banned.ts']).toContain('BANNED_WORDS');
  });

  it('with nothing saved, restores nothing and never loads the reader (zod stays off the first load)', async () => {
    const reader = vi.fn(() => import('../workspace/workspace-read.ts'));
    const store = createAppStore();
    const before = store.getState();
    expect(await restoreWorkspace(store, memoryStorage(), new Date(0), reader)).toBe(false);
    expect(reader).not.toHaveBeenCalled();
    expect(store.getState().apps).toBe(before.apps);
    expect(store.getState().storageProblem).toBeNull();
  });

  it('keeps unreadable data under a backup key and says so', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{broken');
    const store = createAppStore();
    expect(await restoreWorkspace(store, storage, new Date(0))).toBe(false);
    expect(store.getState().storageProblem).toMatch(/could not be read/);
    expect(storage.data.get('hookscope.workspace.unreadable.1970-01-01T00:00:00.000Z')).toBe('{broken');
  });

  it('saves after a change and restores into a fresh store', async () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const autosave = startAutosave(store, storage, 5);
    store.getState().setDraft('createRoom', { ...store.getState().drafts.createRoom, name: 'saved-name' });
    autosave.stop();
    const fresh = createAppStore();
    expect(await restoreWorkspace(fresh, storage)).toBe(true);
    expect(fresh.getState().drafts.createRoom.name).toBe('saved-name');
  });

  it('keeps the saved workspace under a backup key when the reader cannot be loaded', async () => {
    const storage = memoryStorage();
    const saved = serializeWorkspace(createAppStore().getState());
    storage.setItem(STORAGE_KEY, saved);
    const store = createAppStore();
    const reader = () => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    expect(await restoreWorkspace(store, storage, new Date(0), reader)).toBe(false);
    expect(store.getState().storageProblem).toMatch(/could not be read: this page could not load its workspace reader \(Failed to fetch/);
    expect(storage.data.get('hookscope.workspace.unreadable.1970-01-01T00:00:00.000Z')).toBe(saved);
    expect(storage.data.get(STORAGE_KEY)).toBe(saved);
  });
});
