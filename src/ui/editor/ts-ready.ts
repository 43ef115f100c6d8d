/**
 * Resolves once the Apps-Engine types are in and the TypeScript worker serves the editor's model
 * (completion, hover and diagnostics work from then on). `getTypeScriptWorker()` rejects with "TypeScript not
 * registered!" until the language is first activated, so it is retried.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { MonacoBundle } from './load-monaco.ts';

export async function waitForTypeScript(bundle: MonacoBundle, editor: Monaco.editor.IStandaloneCodeEditor, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  // The Apps-Engine types arrive after the editor is live: completion and hover need them.
  if (!(await bundle.typesReady)) return false;
  while (Date.now() < until) {
    const model = editor.getModel();
    if (!model || model.isDisposed()) return false;
    const lang = model.getLanguageId();
    if (lang !== 'typescript' && lang !== 'javascript') return true;
    try {
      const get = lang === 'typescript' ? bundle.typescript.getTypeScriptWorker : bundle.typescript.getJavaScriptWorker;
      const client = await (await get())(model.uri);
      await client.getSyntacticDiagnostics(model.uri.toString());
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}
