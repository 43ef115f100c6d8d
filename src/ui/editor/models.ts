/**
 * Monaco models: one per (app, file) path, kept across editor mounts with the view state
 * (cursor, selection, scroll, folding) of each, so switching files and apps restores both.
 * External updates are applied as the smallest edit, so the cursor does not jump.
 */
import type * as Monaco from 'monaco-editor/editor';
import { appRootOf, languageOf, normalizePath } from './paths.ts';

type MonacoNs = typeof Monaco;

const viewStates = new Map<string, Monaco.editor.ICodeEditorViewState | null>();

export function saveViewState(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const model = editor.getModel();
  if (model) viewStates.set(model.uri.toString(), editor.saveViewState());
}

export function restoreViewState(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const model = editor.getModel();
  const state = model && viewStates.get(model.uri.toString());
  if (state) editor.restoreViewState(state);
}

export function ensureModel(monaco: MonacoNs, path: string, value: string): Monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(normalizePath(path));
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    setValueMinimal(existing, value);
    return existing;
  }
  return monaco.editor.createModel(value, languageOf(uri.path), uri);
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** Replaces the model's text by `value` with one minimal, undoable edit; no-op if equal. */
export function setValueMinimal(model: Monaco.editor.ITextModel, value: string): boolean {
  const current = model.getValue();
  const edit = minimalEdit(current, value);
  if (!edit) return false;
  const a = model.getPositionAt(edit.start);
  const b = model.getPositionAt(edit.end);
  const range = { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
  model.pushEditOperations(null, [{ range, text: edit.text, forceMoveMarkers: true }], () => null);
  return true;
}

/**
 * Makes the models of an app's other files match `files` (relative path -> text) so relative
 * imports resolve in the TypeScript service, and disposes the models of files no longer there.
 */
export function syncAppModels(monaco: MonacoNs, currentPath: string, files: Record<string, string>): void {
  const key = (p: string) => monaco.Uri.parse(p).toString();
  const current = key(normalizePath(currentPath));
  const root = key(appRootOf(normalizePath(currentPath)));
  const wanted = new Set<string>();
  for (const [file, text] of Object.entries(files)) {
    const uri = key(appRootOf(normalizePath(currentPath)) + file.replace(/^\.?\/+/, ''));
    wanted.add(uri);
    if (uri !== current) ensureModel(monaco, uri, text);
  }
  for (const model of monaco.editor.getModels()) {
    const uri = model.uri.toString();
    if (uri.startsWith(root) && uri !== current && !wanted.has(uri)) {
      viewStates.delete(model.uri.toString());
      model.dispose();
    }
  }
}

/** Disposes every model of an app (call when the app is deleted). */
export function disposeAppModels(monaco: MonacoNs, appRoot: string): void {
  const root = monaco.Uri.parse(appRoot).toString();
  for (const model of monaco.editor.getModels()) {
    if (model.uri.toString().startsWith(root)) {
      viewStates.delete(model.uri.toString());
      model.dispose();
    }
  }
}
