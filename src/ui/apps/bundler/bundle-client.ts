/**
 * The page side of bundling an app with its npm packages (loaded only when an opened folder needs
 * it: esbuild-wasm and its ~14 MB wasm never enter the first page load). One worker, started on
 * the first job and kept for re-bundles; node_modules files are read when the worker asks.
 *
 * It also keeps, per app, the opened folder's node_modules for as long as the page lives, and sets
 * the engine controller's preparer (state/app-bundle.ts): an edited app is bundled again before it
 * is loaded (the controller stores the new bundle).
 */
import wasmURL from 'esbuild-wasm/esbuild.wasm?url';
import BundleWorker from './bundle-worker.ts?worker';
import { bundlePathOf, isBundlePath, setAppPreparer, withBundle } from '../../../state/app-bundle.ts';
import type { WorkspaceApp } from '../../../workspace/types.ts';
import type { FromPage, ToPage } from './bundle-messages.ts';

/** A node_modules file of the opened folder (`node_modules/ms/index.js`), or null. */
export type ReadDep = (path: string) => Promise<string | null>;

export type BundleOutcome =
  | { ok: true; code: string; map: string; warnings: string[]; depFiles: string[]; packages: string[]; initMs: number; bundleMs: number }
  | { ok: false; message: string; file?: string; line?: number };

let worker: Worker | null = null;
let jobs = 0;
const running = new Map<number, { readDep: ReadDep; resolve(outcome: BundleOutcome): void }>();

function theWorker(): Worker {
  if (worker) return worker;
  const w = new BundleWorker();
  const post = (m: FromPage) => w.postMessage(m);
  w.onmessage = (e: MessageEvent<ToPage>) => {
    const msg = e.data;
    const job = running.get(msg.job);
    if (!job) return;
    if (msg.type === 'read') {
      job.readDep(msg.path).then(
        (text) => post({ type: 'file', ask: msg.ask, text }),
        () => post({ type: 'file', ask: msg.ask, text: null }),
      );
      return;
    }
    running.delete(msg.job);
    if (msg.type === 'done') job.resolve({ ok: true, ...msg.result, initMs: msg.initMs, bundleMs: msg.bundleMs });
    else
      job.resolve({
        ok: false,
        message: msg.message,
        ...(msg.file !== undefined ? { file: msg.file } : {}),
        ...(msg.line !== undefined ? { line: msg.line } : {}),
      });
  };
  w.onerror = (e) => {
    for (const [id, job] of running) {
      running.delete(id);
      job.resolve({ ok: false, message: `the bundler could not start: ${e.message || 'worker error'}` });
    }
    worker = null;
  };
  worker = w;
  return w;
}

const ownFiles = (files: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(files).filter(([p]) => !isBundlePath(p)));

/** Bundles the app's class file with its own files and the npm packages it imports from `readDep`. */
export function bundleInWorker(app: Pick<WorkspaceApp, 'classFile' | 'files'>, readDep: ReadDep): Promise<BundleOutcome> {
  const job = ++jobs;
  return new Promise((resolve) => {
    running.set(job, { readDep, resolve });
    const msg: FromPage = {
      type: 'bundle',
      job,
      wasmURL: new URL(wasmURL, location.href).href,
      files: ownFiles(app.files),
      classFile: app.classFile,
      outPath: bundlePathOf(app),
    };
    theWorker().postMessage(msg);
  });
}

const deps = new Map<string, ReadDep>();

/** The opened folder's node_modules of app `appId`, kept to bundle its edits. */
export function rememberDeps(appId: string, readDep: ReadDep): void {
  deps.set(appId, readDep);
}

setAppPreparer((app) => {
  const readDep = deps.get(app.id);
  if (!readDep) return null;
  return (async () => {
    const r = await bundleInWorker(app, readDep);
    if (!r.ok) throw new Error(r.message);
    // The engine controller loads it and stores its bundle files.
    return withBundle(app, r.code, r.map);
  })();
});
