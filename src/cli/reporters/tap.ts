/** TAP version 13: one test point per step (and per app that did not load), YAML diagnostics on failure. */
import { decisiveCall } from './decisive.ts';
import type { RunSummary } from './types.ts';

const yaml = (lines: string[]) => ['  ---', '  failures:', ...lines.map((l) => `    - ${JSON.stringify(l)}`), '  ...'];

export function tapReporter(summary: RunSummary): string {
  const out: string[] = ['TAP version 13'];
  let n = 0;
  for (const f of summary.files) {
    if (f.kind === 'error') {
      out.push(`not ok ${++n} - ${f.file}: not a scenario that can run`, ...yaml(f.problems));
      continue;
    }
    for (const a of f.report.apps) if (a.loadError) out.push(`not ok ${++n} - ${f.file}: app ${a.id} loads`, ...yaml([`did not load: ${a.loadError}`]));
    for (const s of f.report.steps) {
      const call = decisiveCall(s);
      const name = `${f.file}: step ${s.step} ${s.action} ${s.outcome}${call ? ` by ${call.appName ?? call.app}.${call.method}` : ''}`;
      if (s.expectation && !s.expectation.ok) out.push(`not ok ${++n} - ${name}`, ...yaml(s.expectation.failures));
      else out.push(`ok ${++n} - ${name}`);
    }
  }
  out.push(`1..${n}`);
  return out.join('\n');
}
