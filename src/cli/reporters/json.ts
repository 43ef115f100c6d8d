/**
 * JSON: one file gives its report (as before several files were allowed); several give
 * `{ passed, files: [{ file, passed, report } | { file, passed: false, problems }] }`.
 */
import type { RunSummary } from './types.ts';

export function jsonReporter(summary: RunSummary, single: boolean): string {
  const only = summary.files[0];
  if (single && only?.kind === 'ran') return JSON.stringify(only.report, null, 2);
  return JSON.stringify(
    {
      passed: summary.passed,
      files: summary.files.map((f) =>
        f.kind === 'ran' ? { file: f.file, passed: f.report.passed, report: f.report } : { file: f.file, passed: false, problems: f.problems },
      ),
    },
    null,
    2,
  );
}
