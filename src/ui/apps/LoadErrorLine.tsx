/**
 * An app's load error under its row, full width: the first line of the message, wrapped. When
 * it names a place in the app (`lib/x.ts:3:7`), clicking opens that file at that line.
 */
import { useStore } from '../../state/store.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';

/** The first `file:line[:column]` of the app's own files that a message names. */
export function errorLocation(message: string, files: Record<string, string>): { file: string; line: number; column: number } | null {
  const re = /([\w@./-]+\.(?:ts|js|json)):(\d+)(?::(\d+))?/g;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    const file = m[1]!.replace(/^file:\/\/\/?(app\/)?/, '');
    if (files[file] !== undefined) return { file, line: Number(m[2]), column: Number(m[3] ?? 1) };
  }
  return null;
}

export function LoadErrorLine({ app, error }: { app: WorkspaceApp; error: string }) {
  const first = (error.split('\n')[0] ?? error).trim();
  const at = errorLocation(error, app.files);
  const open = () => {
    const s = useStore.getState();
    if (at) {
      s.openFileOf(app.id, at.file);
      s.requestReveal({ appId: app.id, file: at.file, line: at.line, column: at.column });
    } else s.selectApp(app.id);
  };
  return (
    <button
      type="button"
      className="app-row-error"
      data-testid="app-load-error"
      title={at ? `${error}\n\nClick to open ${at.file} at line ${at.line}` : error}
      onClick={open}
    >
      {first}
    </button>
  );
}
