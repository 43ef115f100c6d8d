/**
 * Where Monaco gets its web workers: bundled locally by Vite as module workers (`?worker`,
 * `worker: { format: 'es' }` in vite.config.ts), never from a CDN. Monaco 0.57 requires
 * `MonacoEnvironment.getWorker`; labels are the language ids of the language services.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

interface MonacoEnvironmentLike {
  getWorker(workerId: string, label: string): Worker;
}

export function installMonacoEnvironment(): void {
  const env: MonacoEnvironmentLike = {
    getWorker(_workerId, label) {
      if (label === 'typescript' || label === 'javascript') return new TsWorker();
      if (label === 'json') return new JsonWorker();
      return new EditorWorker();
    },
  };
  (globalThis as unknown as { MonacoEnvironment: MonacoEnvironmentLike }).MonacoEnvironment = env;
}
