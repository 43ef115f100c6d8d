/**
 * Model paths of the editor: one Monaco model per (app, file), at `file:///apps/<appId>/<file>`.
 * No Monaco import here, so the shell can use these helpers without loading Monaco.
 */
export const APPS_ROOT = 'file:///apps/';

export function editorPath(appId: string, file: string): string {
  return `${APPS_ROOT}${encodeURIComponent(appId)}/${file.replace(/^\/+/, '')}`;
}

/** `file:///apps/<appId>/` for an app model path; the path's directory for any other path. */
export function appRootOf(path: string): string {
  const uri = normalizePath(path);
  const m = /^file:\/\/\/apps\/[^/]+\//.exec(uri);
  return m ? m[0] : uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** Accepts a full `file:///...` URI or a plain path (`apps/x/App.ts`, `/apps/x/App.ts`). */
export function normalizePath(path: string): string {
  return path.startsWith('file://') ? path : `file:///${path.replace(/^\/+/, '')}`;
}

export function languageOf(file: string): string {
  if (/\.(?:ts|tsx|mts|cts)$/.test(file)) return 'typescript';
  if (/\.(?:js|jsx|mjs|cjs)$/.test(file)) return 'javascript';
  if (/\.json$/.test(file)) return 'json';
  return 'plaintext';
}
