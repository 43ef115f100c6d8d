/**
 * The code editor: Monaco (bundled locally, loaded lazily) with the TypeScript service and the
 * real Apps-Engine types, plus contract hints as 'hookscope' markers on the app's class file.
 * Until Monaco is live it shows the code as plain text; if Monaco cannot load, a textarea.
 *
 * Paths are model URIs, one per (app, file): `file:///apps/<appId>/<file>` (see paths.ts);
 * `files` are the app's files by path relative to `file:///apps/<appId>/`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { updateHintMarkers } from './hint-markers.ts';
import { loadMonaco, type MonacoBundle } from './load-monaco.ts';
import { ensureModel, restoreViewState, saveViewState, setValueMinimal, syncAppModels } from './models.ts';
import { waitForTypeScript } from './ts-ready.ts';
import { markEditorLive } from './editor-live.ts';
import './code-editor.css';

export interface CodeEditorApi {
  focus(): void;
  /** Scrolls to a line (1-based), puts the cursor at its start and focuses the editor. */
  revealLine(line: number): void;
}

export interface CodeEditorProps {
  path: string;
  value: string;
  onChange(value: string): void;
  theme: 'dark' | 'light';
  fontSize?: number;
  onReady?(api: CodeEditorApi): void;
  readOnly?: boolean;
  /** The other files of the same app (relative path -> text), so relative imports resolve. */
  files?: Record<string, string>;
  /** The app's main class file (relative path); read from `files['app.json']` when omitted. */
  classFile?: string;
  /** Ctrl/Cmd+Enter inside the editor: run (the text is never changed by it). */
  onRun?(): void;
  /** Lines to highlight (step mode: the method of the call about to be made), or null. */
  highlight?: EditorHighlight | null;
}

export interface EditorHighlight {
  /** 1-based: the method's name line (marked strongly) ... */
  line: number;
  /** ... to the line its body ends on (marked lightly). */
  endLine: number;
  /** Hover text on the marked line. */
  label: string;
}

const HINT_DELAY_MS = 250;

export function CodeEditor(props: CodeEditorProps) {
  const { path, value, theme, fontSize = 14, readOnly = false, files, classFile } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** Values sent through onChange that the parent may still echo back (never re-applied). */
  const emitted = useRef<string[]>([]);
  const applying = useRef(false);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [bundle, setBundle] = useState<MonacoBundle | null>(null);
  const [ready, setReady] = useState(false);
  const [tsReady, setTsReady] = useState(false);
  // Once the code is on screen (after the commit that shows it): what waits for the editor may load.
  useEffect(() => {
    if (ready) markEditorLive();
  }, [ready]);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (b) => live && setBundle(b),
      (err: unknown) => live && setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const refreshHints = useCallback(
    (delay: number) => {
      clearTimeout(hintTimer.current);
      hintTimer.current = setTimeout(() => {
        const model = editorRef.current?.getModel();
        if (bundle && model) updateHintMarkers(bundle.monaco, model, latest.current.files, latest.current.classFile);
      }, delay);
    },
    [bundle],
  );

  // Create the editor once Monaco is loaded.
  useEffect(() => {
    if (!bundle || !host.current) return;
    const { monaco } = bundle;
    const p = latest.current;
    const editor = monaco.editor.create(host.current, {
      model: ensureModel(monaco, p.path, p.value),
      theme: p.theme === 'dark' ? 'vs-dark' : 'vs',
      fontSize: p.fontSize ?? 14,
      readOnly: p.readOnly ?? false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 4,
      renderValidationDecorations: 'on',
      'semanticHighlighting.enabled': true,
    });
    editorRef.current = editor;
    restoreViewState(editor);
    // Keyboard users leave the editor with Esc then Tab (Shift+Tab backwards); Tab alone indents.
    let escaped = false;
    const keys = editor.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) {
        escaped = true;
        return;
      }
      if (e.keyCode === monaco.KeyCode.Tab && escaped) {
        e.preventDefault();
        e.stopPropagation();
        focusOutside(host.current, e.shiftKey);
      }
      escaped = false;
    });
    const sub = editor.onDidChangeModelContent(() => {
      if (applying.current) return;
      const next = editor.getValue();
      emitted.current = [...emitted.current.slice(-19), next];
      latest.current.onChange(next);
      refreshHints(HINT_DELAY_MS);
    });
    // Ctrl/Cmd+Enter runs instead of Monaco's "insert line after" (the editor's own binding wins over the page's).
    const runAction = editor.addAction({
      id: 'hookscope.run',
      label: 'hookscope: Run the last action again',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onRun?.(),
    });
    setReady(true);
    refreshHints(0);
    latest.current.onReady?.({
      focus: () => editor.focus(),
      revealLine: (line) => {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: 1 });
        editor.focus();
      },
    });
    let live = true;
    void waitForTypeScript(bundle, editor).then((ok) => live && setTsReady(ok));
    return () => {
      live = false;
      clearTimeout(hintTimer.current);
      saveViewState(editor);
      sub.dispose();
      runAction.dispose();
      keys.dispose();
      editor.dispose();
      editorRef.current = null;
      setReady(false);
    };
  }, [bundle, refreshHints]);

  // Switch model when the path changes (keeping each model's view state).
  useEffect(() => {
    const editor = editorRef.current;
    if (!bundle || !editor) return;
    const model = ensureModel(bundle.monaco, path, latest.current.value);
    if (editor.getModel() === model) return;
    saveViewState(editor);
    emitted.current = [];
    editor.setModel(model);
    restoreViewState(editor);
    refreshHints(0);
  }, [bundle, path, refreshHints]);

  // Apply a value that changed outside the editor; an echo of our own onChange is ignored.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    if (model.getValue() === value) {
      emitted.current = [];
      return;
    }
    if (emitted.current.includes(value)) return;
    applying.current = true;
    try {
      setValueMinimal(model, value);
    } finally {
      applying.current = false;
    }
    refreshHints(HINT_DELAY_MS);
  }, [value, ready, refreshHints]);

  useEffect(() => {
    if (bundle && files) syncAppModels(bundle.monaco, path, files);
    if (ready) refreshHints(HINT_DELAY_MS);
  }, [bundle, ready, path, files, classFile, refreshHints]);

  // Step highlight: decorations on the current model, revealed without taking focus (F10 keeps working).
  // Keyed on the highlight's values (a new object with the same lines must not re-apply it).
  const hlLine = props.highlight?.line ?? null;
  const hlEnd = props.highlight?.endLine ?? null;
  const hlLabel = props.highlight?.label ?? '';
  useEffect(() => {
    const editor = editorRef.current;
    if (!bundle || !editor || !ready || hlLine === null || hlEnd === null) return;
    const { monaco } = bundle;
    const decorations = editor.createDecorationsCollection([
      {
        range: new monaco.Range(hlLine, 1, hlLine, 1),
        options: { isWholeLine: true, className: 'hs-step-line', linesDecorationsClassName: 'hs-step-gutter', hoverMessage: { value: hlLabel } },
      },
      ...(hlEnd > hlLine ? [{ range: new monaco.Range(hlLine + 1, 1, hlEnd, 1), options: { isWholeLine: true, className: 'hs-step-body' } }] : []),
    ]);
    editor.revealLinesInCenterIfOutsideViewport(hlLine, Math.min(hlEnd, hlLine + 8));
    return () => decorations.clear();
  }, [bundle, ready, path, hlLine, hlEnd, hlLabel]);

  useEffect(() => {
    bundle?.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [bundle, theme]);

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize, readOnly });
  }, [fontSize, readOnly, ready]);

  return (
    <div
      className={`code-editor code-editor--${theme}`}
      data-testid="code-editor"
      data-ready={ready ? 'true' : 'false'}
      data-ts-ready={tsReady ? 'true' : 'false'}
      {...(hlLine !== null ? { 'data-step-line': String(hlLine) } : {})}
    >
      <div ref={host} className="code-editor-host" />
      {ready && (
        <div className="code-editor-tab-hint" data-testid="editor-tab-hint">
          <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
        </div>
      )}
      {!ready && !failed && (
        <pre className="code-editor-placeholder" style={{ fontSize }} aria-busy="true" aria-label="Loading editor">
          {value}
        </pre>
      )}
      {failed && (
        <textarea
          className="code-editor-fallback"
          style={{ fontSize }}
          aria-label="Source (plain editor: Monaco failed to load)"
          title={`Monaco failed to load: ${failed}`}
          spellCheck={false}
          readOnly={readOnly}
          value={value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** Moves focus to the next (or previous) focusable element of the page outside `container`. */
function focusOutside(container: HTMLElement | null, backwards: boolean): void {
  if (!container) return;
  const all = [
    ...document.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((el) => !container.contains(el) && el.offsetParent !== null);
  const after = all.filter((el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  (backwards ? before[before.length - 1] : after[0])?.focus();
}
