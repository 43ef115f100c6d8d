/**
 * The readable report (the default on a terminal): per file, one line per step with its outcome,
 * the handler that decided it and the host's reason; under a failed step, each mismatch.
 */
import type { Paint } from '../color.ts';
import { decisiveCall } from './decisive.ts';
import type { RunSummary } from './types.ts';

export function prettyReporter(paint: Paint) {
  return (summary: RunSummary): string => {
    const lines: string[] = [];
    let steps = 0;
    let failedSteps = 0;
    for (const f of summary.files) {
      if (f.kind === 'error') {
        lines.push(`${paint.red('✗')} ${paint.bold(f.file)}`);
        for (const p of f.problems) lines.push(`    ${paint.red(p)}`);
        continue;
      }
      const r = f.report;
      lines.push(
        `${r.passed ? paint.green('✓') : paint.red('✗')} ${paint.bold(f.file)} ${paint.dim(`(profile ${r.profile}, ${r.apps.length} app${r.apps.length === 1 ? '' : 's'})`)}`,
      );
      for (const a of r.apps) if (a.loadError) lines.push(`    ${paint.red(`app ${a.id} did not load: ${a.loadError}`)}`);
      for (const s of r.steps) {
        steps++;
        const ok = s.expectation?.ok !== false;
        if (!ok) failedSteps++;
        const mark = ok ? paint.green('✓') : paint.red('✗');
        const outcome = s.outcome === 'completed' ? paint.green(s.outcome) : s.outcome === 'prevented' ? paint.yellow(s.outcome) : paint.red(s.outcome);
        const call = decisiveCall(s);
        const by = call ? ` by ${call.appName ?? call.app}.${call.method}` : '';
        lines.push(`  ${mark} ${s.step} ${s.action} ${outcome}${by}${paint.dim(` · ${s.summary}`)}`);
        for (const fail of s.expectation?.failures ?? []) lines.push(`      ${paint.red(fail)}`);
      }
    }
    const files = summary.files.length;
    const bad = summary.files.filter((f) => f.kind === 'error' || !f.report.passed).length;
    const total = `${files} file${files === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'}`;
    lines.push(
      summary.passed
        ? paint.green(`passed: ${total}`)
        : paint.red(
            `failed: ${bad} of ${files} file${files === 1 ? '' : 's'}${failedSteps ? `, ${failedSteps} step${failedSteps === 1 ? '' : 's'} did not match` : ''}`,
          ),
    );
    return lines.join('\n');
  };
}
