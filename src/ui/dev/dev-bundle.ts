/**
 * Under `hookscope dev` the page runs the app as `hookscope run` does: the bundle the dev server
 * made from the folder (npm dependencies from its node_modules), put beside the sources the
 * editor shows (`__bundle__/<classFile>.js` and its source map, so stack lines, errors and the
 * graph name the app's own files). Once the sources in the page differ from the folder's, the
 * page asks the server to bundle the edited sources against the folder's node_modules.
 * A bundle that fails is the app's load error, worded as the CLI words it.
 */
import { DEV_WRITE_HEADER, type DevBundle, type DevBundleRequest } from '../../dev-server/protocol.ts';
import { setAppPreparer, preparerChanged, type AppPreparer } from '../../state/app-prepare.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';

/** The folder's bundle, for the sources the page got with it. */
interface FolderBundle {
  appId: string;
  /** Increases with every change on disk: a new one reloads the app. */
  version: number;
  bundle: DevBundle;
}

const sourcesKey = (app: WorkspaceApp): string => JSON.stringify([app.classFile, Object.entries(app.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);

/** Bundles of edited sources kept (the last few edits, e.g. undo and redo). */
const KEEP = 4;

export interface DevBundler {
  /** The folder's project arrived (first open or after a change on disk). */
  setFolder(folder: FolderBundle, app: WorkspaceApp): void;
  /** Opening the folder failed: apps stop waiting for it. */
  failed(): void;
  /** Bundles asked of the server for edited sources so far (tests). */
  requests(): number;
}

export function installDevBundler(base: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): DevBundler {
  let folder: (FolderBundle & { key: string }) | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const edits = new Map<string, Promise<DevBundle>>();
  let asked = 0;

  const bundleEdits = (app: WorkspaceApp, key: string): Promise<DevBundle> => {
    const known = edits.get(key);
    if (known) return known;
    asked++;
    const request: DevBundleRequest = { files: app.files, classFile: app.classFile };
    // A request that did not get an answer is asked again next time; a bundle error is kept.
    const forget = () => void edits.delete(key);
    const made = (async (): Promise<DevBundle> => {
      const res = await fetchImpl(`${base}/bundle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DEV_WRITE_HEADER]: '1' },
        body: JSON.stringify(request),
      });
      if (res.ok) return (await res.json()) as DevBundle;
      forget();
      return { ok: false, error: `Could not bundle the app: the dev server answered ${res.status}: ${await res.text()}` };
    })().catch((err: unknown): DevBundle => {
      forget();
      return { ok: false, error: `Could not bundle the app: ${(err as Error).message} (is hookscope dev still running?)` };
    });
    edits.set(key, made);
    // Old bundles make room for new ones.
    while (edits.size > KEEP) edits.delete(edits.keys().next().value as string);
    return made;
  };

  const preparer: AppPreparer = {
    key: (app) => (folder && app.id === folder.appId ? `folder:${folder.version}` : ''),
    async prepare(app) {
      await ready;
      if (!folder || app.id !== folder.appId) return app;
      const key = sourcesKey(app);
      const bundle = key === folder.key ? folder.bundle : await bundleEdits(app, key);
      if (!bundle.ok) throw new Error(bundle.error);
      return { ...app, files: { ...app.files, [bundle.path]: bundle.code, ...(bundle.map ? { [`${bundle.path}.map`]: bundle.map } : {}) } };
    },
  };
  setAppPreparer(preparer);

  return {
    setFolder(next, app) {
      folder = { ...next, key: sourcesKey(app) };
      markReady();
      preparerChanged();
    },
    failed: () => markReady(),
    requests: () => asked,
  };
}
