/**
 * The page's bundling worker: esbuild-wasm (served from our own origin, fetched the first time a
 * folder needs bundling) runs src/bundle/bundle-files.ts here, off the main thread. The app's own
 * files come with the job; node_modules files are asked of the page one at a time (`read`), so
 * only the files the app's imports reach are ever read.
 */
import * as esbuild from 'esbuild-wasm';
import { bundleFiles } from '../../../bundle/bundle-files.ts';
import type { FromPage, ToPage } from './bundle-messages.ts';

const scope = self as unknown as { onmessage: ((e: MessageEvent<FromPage>) => void) | null; postMessage(message: ToPage): void };

let ready: Promise<void> | null = null;
let asks = 0;
const answers = new Map<number, (text: string | null) => void>();

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'file') {
    answers.get(msg.ask)?.(msg.text);
    answers.delete(msg.ask);
    return;
  }
  const { job } = msg;
  const readDep = (path: string) =>
    new Promise<string | null>((resolve) => {
      const ask = ++asks;
      answers.set(ask, resolve);
      scope.postMessage({ type: 'read', job, ask, path });
    });
  void (async () => {
    const t0 = performance.now();
    try {
      ready ??= esbuild.initialize({ wasmURL: msg.wasmURL, worker: false });
      await ready;
      const t1 = performance.now();
      const r = await bundleFiles({
        build: esbuild.build,
        transform: esbuild.transform,
        files: msg.files,
        classFile: msg.classFile,
        outPath: msg.outPath,
        readDep,
      });
      scope.postMessage({ type: 'done', job, result: r, initMs: t1 - t0, bundleMs: performance.now() - t1 });
    } catch (err) {
      const e2 = err as { message?: unknown; file?: unknown; line?: unknown };
      scope.postMessage({
        type: 'failed',
        job,
        message: typeof e2.message === 'string' ? e2.message : String(err),
        ...(typeof e2.file === 'string' ? { file: e2.file } : {}),
        ...(typeof e2.line === 'number' ? { line: e2.line } : {}),
      });
    }
  })();
};
