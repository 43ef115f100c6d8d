/**
 * The center: the open file of the selected app. Uses the Monaco CodeEditor (src/ui/editor/)
 * when the build has it, loaded lazily so Monaco stays off the critical path; a plain
 * textarea until then.
 */
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { useStore } from '../../state/store.ts';
import { selectOpenPath, selectSelectedApp, selectTheme } from '../../state/selectors.ts';
import type { Theme } from '../../state/types.ts';
import { editorPath } from '../editor/paths.ts';
import { PlainEditor } from './PlainEditor.tsx';

export interface CodeEditorProps {
  path: string;
  value: string;
  onChange(value: string): void;
  theme: Theme;
  /** The app's files (relative path -> text), so relative imports resolve. */
  files?: Record<string, string>;
  classFile?: string;
}

const editorModules = import.meta.glob<{ CodeEditor: ComponentType<CodeEditorProps> }>('../editor/CodeEditor.tsx');
const loadEditor = editorModules['../editor/CodeEditor.tsx'];
const CodeEditor = loadEditor ? lazy(() => loadEditor().then((m) => ({ default: m.CodeEditor }))) : PlainEditor;

export function EditorArea() {
  const app = useStore(selectSelectedApp);
  const path = useStore(selectOpenPath);
  const theme = useStore(selectTheme);
  const setFile = useStore((s) => s.setFile);
  const focusRequest = useStore((s) => s.editorFocusRequest);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest > 0) box.current?.querySelector<HTMLElement>('textarea, [contenteditable="true"]')?.focus();
  }, [focusRequest]);

  if (!app || path === null) {
    return (
      <section className="editor-area editor-empty" aria-label="Editor">
        <p>No app yet. Add one from the Apps panel.</p>
      </section>
    );
  }
  const value = app.files[path] ?? '';
  const modelPath = editorPath(app.id, path);
  return (
    <section className="editor-area" aria-label="Editor">
      <div className="panel-header editor-header">
        <span className="breadcrumb" data-testid="editor-path">
          <span className="breadcrumb-app">{app.name}</span>
          <span aria-hidden="true"> › </span>
          <span className="mono">{path}</span>
        </span>
        {path === app.classFile && <span className="tag">class file</span>}
      </div>
      <div className="editor-body" ref={box} data-testid="editor">
        <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
          <CodeEditor key={modelPath} path={modelPath} value={value} theme={theme} files={app.files} classFile={app.classFile} onChange={(v) => setFile(app.id, path, v)} />
        </Suspense>
      </div>
    </section>
  );
}
