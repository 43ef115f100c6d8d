/**
 * Work is never lost: the workspace is saved to localStorage shortly after every change and
 * read back on load. Unreadable saved data is kept under a backup key, never silently replaced.
 */
import type { AppStore } from './store.ts';
import { serializeWorkspace } from '../workspace/workspace-file.ts';

export const STORAGE_KEY = 'hookscope.workspace';
export const BACKUP_PREFIX = 'hookscope.workspace.unreadable.';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The reader (zod and every schema): imported only when something was saved. */
type Reader = Pick<typeof import('../workspace/workspace-read.ts'), 'readWorkspace'>;
const loadReader = (): Promise<Reader> => import('../workspace/workspace-read.ts');

/**
 * Loads the saved workspace into the store. Resolves true when one was restored. With nothing
 * saved it answers without loading the reader; the page awaits it before its first render.
 */
export async function restoreWorkspace(store: AppStore, storage: Storage, now = new Date(), reader: () => Promise<Reader> = loadReader): Promise<boolean> {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch (err) {
    store.getState().setStorageProblem(`Local storage is not available (${(err as Error).message}): changes will not survive a reload.`);
    return false;
  }
  if (raw === null) return false;
  let read: ReturnType<Reader['readWorkspace']>;
  try {
    read = (await reader()).readWorkspace(raw);
  } catch (err) {
    read = { ok: false, problem: `this page could not load its workspace reader (${(err as Error).message})` };
  }
  if (read.ok) {
    store.getState().loadWorkspace(read.workspace);
    store.getState().selectApp(read.workspace.apps[0]?.id ?? null);
    return true;
  }
  const backupKey = BACKUP_PREFIX + now.toISOString();
  try {
    storage.setItem(backupKey, raw);
    store
      .getState()
      .setStorageProblem(
        `Your saved workspace could not be read: ${read.problem}. It is kept in localStorage under "${backupKey}"; you are on the default workspace.`,
      );
  } catch {
    store
      .getState()
      .setStorageProblem(`Your saved workspace could not be read (${read.problem}) and could not be backed up; it will be replaced when you edit.`);
  }
  return false;
}

export interface Autosave {
  /** Saves now if a save is pending (page hide). */
  flush(): void;
  stop(): void;
}

/** Saves on every change of the persisted parts (debounced). */
export function startAutosave(store: AppStore, storage: Storage, delayMs = 400): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const s = store.getState();
    try {
      storage.setItem(STORAGE_KEY, serializeWorkspace({ apps: s.apps, world: s.world, settings: s.settings, drafts: s.drafts }));
    } catch (err) {
      s.setStorageProblem(`Saving the workspace failed (${(err as Error).message}).`);
    }
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.apps === prev.apps && next.world === prev.world && next.settings === prev.settings && next.drafts === prev.drafts) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    save();
  };
  return {
    flush,
    stop: () => {
      unsubscribe();
      flush();
    },
  };
}
