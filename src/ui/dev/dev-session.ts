/**
 * The page's side of `hookscope dev`: opens the app folder the server serves (as Open folder
 * would, and runs the server's bundle of it: dev-bundle.ts), follows the folder's changes (the
 * app's files are replaced by the disk's, the app reloads with the new bundle, the last action
 * runs again), and writes the page's edits back only on request.
 * Inactive unless the server marked index.html (meta `hookscope-dev`).
 */
import { create } from 'zustand';
import { DEV_META, DEV_WRITE_HEADER, type DevChange, type DevProject, type DevSaveResponse } from '../../dev-server/protocol.ts';
import { planImport } from '../../workspace/import-project.ts';
import type { AppStore } from '../../state/store.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';
import { getController } from '../../state/browser-controller.ts';
import { runAction } from '../actions/run-action.ts';
import { installDevBundler, type DevBundler } from './dev-bundle.ts';

export interface DevState {
  active: boolean;
  /** The folder's name. */
  root: string;
  appId: string | null;
  /** The app's files as they are on disk (what "unsaved" compares with). */
  disk: Record<string, string>;
  /** What happened last, in words ("reloaded lib/words.ts from disk; ran createRoom again"). */
  note: string;
  error: string | null;
  /** Bumped on every reload from disk (tests and the bar wait on it). */
  reloads: number;
}

export const useDev = create<DevState>(() => ({ active: false, root: '', appId: null, disk: {}, note: '', error: null, reloads: 0 }));

export function devBase(doc: Document = document): string | null {
  return doc.querySelector(`meta[name="${DEV_META}"]`)?.getAttribute('content') ?? null;
}

/** Paths whose text in the page differs from the disk (or that exist only in the page). */
export function unsavedPaths(app: WorkspaceApp | undefined, disk: Record<string, string>): string[] {
  if (!app) return [];
  return Object.keys(app.files)
    .filter((p) => app.files[p] !== disk[p])
    .sort();
}

/** The workspace's apps that came from the folder, with the path an exported scenario uses for them. */
export function folderApps(): Record<string, string> {
  const { active, appId } = useDev.getState();
  return active && appId ? { [appId]: '.' } : {};
}

let bundler: DevBundler | null = null;

async function fetchApp(
  base: string,
  existing: WorkspaceApp[],
): Promise<{ app: WorkspaceApp; root: string; problems: string[]; bundle: DevProject['bundle'] }> {
  const res = await fetch(`${base}/project`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`the dev server answered ${res.status}: ${await res.text()}`);
  const project = (await res.json()) as DevProject;
  const plan = planImport(
    project.files,
    existing.filter((a) => a.id !== useDev.getState().appId),
    { root: project.root },
  );
  if (!plan.ok) throw new Error(`${project.root}: ${plan.error}`);
  // The folder's bundle runs (as in `hookscope run`): npm packages it resolved are no problem here.
  const problems = plan.problems.filter((p) => !(project.bundle.ok && p.npm));
  bundler?.setFolder({ appId: plan.app.id, version: project.version, bundle: project.bundle }, plan.app);
  return { app: plan.app, root: project.root, problems: problems.map((p) => `${p.file}:${p.line}: ${p.message}`), bundle: project.bundle };
}

/** Words for the note: the bundle's warnings (e.g. ui-kit taken from hookscope). */
const bundleWords = (bundle: DevProject['bundle']): string => (bundle.ok && bundle.warnings.length ? `; bundle: ${bundle.warnings[0]}` : '');

function install(store: AppStore, app: WorkspaceApp): void {
  const s = store.getState();
  const previous = useDev.getState().appId;
  const same = s.apps.find((a) => a.id === app.id) ?? (previous ? s.apps.find((a) => a.id === previous) : undefined);
  if (same) s.replaceApp(same.id, { ...app, enabled: same.enabled });
  else s.addApp(app);
  s.selectApp(app.id);
}

export async function startDevSession(store: AppStore, base = devBase()): Promise<void> {
  if (!base) return;
  useDev.setState({ active: true });
  bundler ??= installDevBundler(base);
  try {
    const { app, root, problems, bundle } = await fetchApp(base, store.getState().apps);
    install(store, app);
    useDev.setState({
      root,
      appId: app.id,
      disk: { ...app.files },
      error: null,
      note: `opened ${root}${problems.length ? `; ${problems.length} problem(s): ${problems[0]}` : ''}${bundleWords(bundle)}`,
    });
  } catch (err) {
    bundler.failed();
    useDev.setState({ error: (err as Error).message });
  }
  const events = new EventSource(`${base}/events`);
  events.addEventListener('change', (e) => void onChange(store, base, JSON.parse((e as MessageEvent<string>).data) as DevChange));
  events.onerror = () => useDev.setState({ error: 'lost the connection to hookscope dev (is it still running?)' });
  events.onopen = () => useDev.setState({ error: null });
}

let reloading: Promise<void> = Promise.resolve();
/** The last Save to folder: the change on disk it causes keeps its "saved ..." words in the note. */
let lastSave: { paths: Set<string>; note: string } | null = null;

function onChange(store: AppStore, base: string, change: DevChange): Promise<void> {
  reloading = reloading.then(async () => {
    try {
      const { app, problems, bundle } = await fetchApp(base, store.getState().apps);
      install(store, app);
      const paths = change.paths.filter(Boolean).join(', ') || 'the folder';
      const ownSave = lastSave !== null && change.paths.length > 0 && change.paths.every((p) => lastSave?.paths.has(p));
      const saved = ownSave && lastSave ? `${lastSave.note}; ` : '';
      if (ownSave) lastSave = null;
      useDev.setState((d) => ({
        appId: app.id,
        disk: { ...app.files },
        error: null,
        reloads: d.reloads + 1,
        note: `${saved}reloaded ${paths} from disk${problems.length ? `; ${problems[0]}` : ''}${bundleWords(bundle)}`,
      }));
      const s = store.getState();
      const last = s.lastAction;
      if (last) {
        // Again from the world the last run started in, so it meets the same rooms and users.
        const lastRun = s.runs.at(-1);
        const before = lastRun ? s.worldBeforeRun[String(lastRun.startedAt)] : undefined;
        if (before) getController()?.editWorld(structuredClone(before));
        useDev.setState((d) => ({ note: `${d.note}; running ${last.action} again${before ? ' from the world it started in' : ''}` }));
        await runAction(last);
      }
    } catch (err) {
      useDev.setState({ error: `could not reload from disk: ${(err as Error).message}` });
    }
  });
  return reloading;
}

/** "Save to folder": writes the app's changed files to disk. */
export async function saveToFolder(store: AppStore, base = devBase()): Promise<DevSaveResponse | null> {
  const { appId, disk } = useDev.getState();
  const app = store.getState().apps.find((a) => a.id === appId);
  if (!base || !app) return null;
  const paths = unsavedPaths(app, disk);
  const files = Object.fromEntries(paths.map((p) => [p, app.files[p] ?? '']));
  const res = await fetch(`${base}/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_WRITE_HEADER]: '1' },
    body: JSON.stringify({ files }),
  });
  if (!res.ok) {
    useDev.setState({ error: `saving failed: ${res.status} ${await res.text()}` });
    return null;
  }
  const out = (await res.json()) as DevSaveResponse;
  const note = `saved ${out.written.length} file${out.written.length === 1 ? '' : 's'} to ${useDev.getState().root}`;
  lastSave = { paths: new Set(out.written), note };
  useDev.setState((d) => ({
    disk: { ...d.disk, ...Object.fromEntries(out.written.map((p) => [p, files[p] ?? ''])) },
    error: out.refused.length ? `not written: ${out.refused.map((r) => `${r.path} (${r.reason})`).join(', ')}` : null,
    note,
  }));
  return out;
}
