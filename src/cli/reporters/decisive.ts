/** The handler that decided a step's outcome, for the one-line reports (pretty, tap, junit). */
import type { ReportCall, StepReport } from '../../scenario/report.ts';

const DECIDES = /prevent|block|refus|abort|stop/i;

export function decisiveCall(step: StepReport): ReportCall | null {
  if (step.outcome === 'completed') return null;
  return step.calls.find((c) => c.effect !== undefined && DECIDES.test(c.effect)) ?? step.calls.find((c) => c.status === 'threw') ?? null;
}
