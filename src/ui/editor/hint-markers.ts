/**
 * Contract hints (src/analysis/contract-hints.ts) shown as Monaco markers with owner
 * 'hookscope', next to the TypeScript diagnostics. The marker message carries the rule in
 * plain words, so the hover explains why.
 */
import type * as Monaco from 'monaco-editor/editor';
import { contractHints, type ContractHint } from '../../analysis/contract-hints.ts';
import { appRootOf } from './paths.ts';

export const HINT_OWNER = 'hookscope';

/** Whether the model is the app's main class file (the only file the apps compiler reads `implements` from). */
export function isClassFile(relPath: string, source: string, files: Record<string, string> | undefined, classFile: string | undefined): boolean {
  if (classFile !== undefined) return relPath === classFile;
  const manifest = files?.['app.json'];
  if (manifest !== undefined) {
    try {
      const declared = (JSON.parse(manifest) as { classFile?: unknown }).classFile;
      if (typeof declared === 'string') return relPath === declared;
    } catch {
      // An unparsable app.json: fall back to looking at the source.
    }
  }
  return /\bextends\s+App\b/.test(source);
}

export function toMarker(monaco: typeof Monaco, h: ContractHint): Monaco.editor.IMarkerData {
  return {
    severity: h.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
    startLineNumber: h.line,
    startColumn: h.column,
    endLineNumber: h.endLine,
    endColumn: h.endColumn,
    message: `${h.message}\n\nWhy: ${h.rule}`,
    source: 'hookscope',
    code: h.code,
  };
}

export function updateHintMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  files: Record<string, string> | undefined,
  classFile: string | undefined,
): ContractHint[] {
  if (model.isDisposed()) return [];
  const uri = model.uri.toString(true);
  const rel = uri.slice(appRootOf(uri).length);
  const source = model.getValue();
  const lang = model.getLanguageId();
  const hints =
    (lang === 'typescript' || lang === 'javascript') && isClassFile(rel, source, files, classFile) ? contractHints({ source, files: files ?? {} }) : [];
  monaco.editor.setModelMarkers(
    model,
    HINT_OWNER,
    hints.map((h) => toMarker(monaco, h)),
  );
  return hints;
}
