/**
 * The center: the open file of the selected app in the Monaco CodeEditor (src/ui/editor/),
 * loaded lazily so Monaco stays off the critical path. Reveal requests (a node, a stack frame, a
 * load error) open their app and file and move the cursor to the line once the editor is ready.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import type { RevealRequest } from '../../state/inspect-slice.ts';
import { useStore } from '../../state/store.ts';
import { selectOpenPath, selectSelectedApp, selectTheme } from '../../state/selectors.ts';
import { methodLines } from '../../analysis/method-location.ts';
import type { CodeEditorApi, EditorHighlight } from '../editor/CodeEditor.tsx';
import { editorPath } from '../editor/paths.ts';
import { runLast } from '../actions/rerun.ts';

const CodeEditor = lazy(() => import('../editor/CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

/**
 * Step mode: when a call pauses, open its app's class file and mark the method about to run
 * (null when nothing waits, or another file is shown).
 */
function useStepHighlight(appId: string | null, path: string | null): EditorHighlight | null {
  const waiting = useStore((s) => s.step.waiting);
  const apps = useStore((s) => s.apps);
  const pausedCall = waiting?.callId ?? null;
  const pausedApp = waiting?.appId ?? null;
  useEffect(() => {
    if (pausedCall === null || pausedApp === null) return;
    const s = useStore.getState();
    const app = s.apps.find((a) => a.id === pausedApp);
    if (app) s.openFileOf(app.id, app.classFile);
    // Only when a new call pauses: the user may open another file meanwhile.
  }, [pausedCall, pausedApp]);
  return useMemo(() => {
    if (!waiting || waiting.appId !== appId) return null;
    const app = apps.find((a) => a.id === appId);
    if (!app || path !== app.classFile) return null;
    const lines = methodLines(app.files[path] ?? '', waiting.method);
    return lines ? { ...lines, label: `Paused: ${waiting.method} is called next (Step, F10)` } : null;
  }, [waiting, appId, path, apps]);
}

export function EditorArea() {
  const app = useStore(selectSelectedApp);
  const path = useStore(selectOpenPath);
  const theme = useStore(selectTheme);
  const presenter = useStore((s) => s.presenter);
  const setFile = useStore((s) => s.setFile);
  const focusRequest = useStore((s) => s.editorFocusRequest);
  const reveal = useStore((s) => s.revealRequest);
  const box = useRef<HTMLDivElement>(null);
  const api = useRef<CodeEditorApi | null>(null);
  const pending = useRef<RevealRequest | null>(null);
  const where = useRef({ appId: app?.id, path });
  where.current = { appId: app?.id, path };

  /** Reveals the pending line if its file is the one shown and the editor is up. */
  const tryReveal = useCallback(() => {
    const req = pending.current;
    if (!req || !api.current || req.appId !== where.current.appId || req.file !== where.current.path) return;
    pending.current = null;
    api.current.revealLine(req.line);
  }, []);

  useEffect(() => {
    if (!reveal) return;
    const s = useStore.getState();
    if (!s.apps.some((a) => a.id === reveal.appId && a.files[reveal.file] !== undefined)) return;
    pending.current = reveal;
    s.openFileOf(reveal.appId, reveal.file);
    tryReveal();
  }, [reveal, tryReveal]);

  useEffect(tryReveal, [app?.id, path, tryReveal]);
  const highlight = useStepHighlight(app?.id ?? null, path);

  useEffect(() => {
    if (focusRequest === 0) return;
    if (api.current) api.current.focus();
    else box.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [focusRequest]);

  if (!app || path === null) {
    return (
      <section className="editor-area editor-empty" aria-label="Editor">
        <p>No app yet. Add one from the Apps panel, or drop an app folder on it.</p>
      </section>
    );
  }
  const value = app.files[path] ?? '';
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
          <CodeEditor
            path={editorPath(app.id, path)}
            value={value}
            theme={theme}
            {...(presenter ? { fontSize: 20 } : {})}
            files={app.files}
            classFile={app.classFile}
            onChange={(v) => setFile(app.id, path, v)}
            onRun={runLast}
            highlight={highlight}
            onReady={(a) => {
              api.current = a;
              tryReveal();
            }}
          />
        </Suspense>
      </div>
    </section>
  );
}
