/** The editor's contract hints (code that will not behave as its author thinks), as CLI warnings. */
import { contractHints } from '../analysis/contract-hints.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import { BUNDLE_DIR } from '../bundle/loaded-app.ts';

export function hintWarnings(app: AppDefinition): string[] {
  const source = app.files[app.classFile];
  if (source === undefined) return [];
  const files = Object.fromEntries(Object.entries(app.files).filter(([path]) => !path.startsWith(BUNDLE_DIR)));
  return contractHints({ source, files })
    .filter((h) => h.severity === 'warning')
    .map((h) => `warning: ${app.id} ${app.classFile}:${h.line}:${h.column}: ${h.message} [${h.code}]`);
}
