/** The editor's contract hints (code that will not behave as its author thinks), as CLI warnings. */
import { contractHints } from '../analysis/contract-hints.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

export function hintWarnings(app: AppDefinition): string[] {
  const source = app.files[app.classFile];
  if (source === undefined) return [];
  return contractHints({ source, files: app.files })
    .filter((h) => h.severity === 'warning')
    .map((h) => `warning: ${app.id} ${app.classFile}:${h.line}:${h.column}: ${h.message} [${h.code}]`);
}
