/** JUnit XML (read by GitLab, Jenkins, GitHub test reporters): a suite per file, a case per step. */
import { decisiveCall } from './decisive.ts';
import type { RunSummary } from './types.ts';

const esc = (s: string) =>
  s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const secs = (ms: number) => (ms / 1000).toFixed(3);

export function junitReporter(summary: RunSummary): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const f of summary.files) {
    if (f.kind === 'error') {
      tests++;
      errors++;
      suites.push(
        `  <testsuite name="${esc(f.file)}" tests="1" failures="0" errors="1" time="${secs(f.durationMs)}">\n    <testcase classname="${esc(f.file)}" name="load scenario" time="0"><error message="${esc(f.problems[0] ?? 'invalid scenario')}">${esc(f.problems.join('\n'))}</error></testcase>\n  </testsuite>`,
      );
      continue;
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    const loadFailures = f.report.apps.filter((a) => a.loadError);
    for (const a of loadFailures) {
      suiteFailures++;
      cases.push(
        `    <testcase classname="${esc(f.file)}" name="${esc(`app ${a.id} loads`)}" time="0"><failure message="${esc(`did not load: ${a.loadError}`)}"/></testcase>`,
      );
    }
    for (const s of f.report.steps) {
      const call = decisiveCall(s);
      const name = `step ${s.step} ${s.action}: ${s.outcome}${call ? ` by ${call.appName ?? call.app}.${call.method}` : ''}`;
      const failed = s.expectation && !s.expectation.ok;
      if (failed) suiteFailures++;
      const body = failed
        ? `<failure message="${esc(s.expectation!.failures[0] ?? 'expect did not match')}">${esc(s.expectation!.failures.join('\n'))}</failure>`
        : '';
      cases.push(`    <testcase classname="${esc(f.file)}" name="${esc(name)}" time="0">${body}<system-out>${esc(s.summary)}</system-out></testcase>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${esc(f.file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" time="${secs(f.durationMs)}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hookscope" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>`;
}
