/**
 * A run's outcome in a few words, from its trace (pure): "prevented by Guard", "completed",
 * "failed: error-x (stopped by Gate)". Used by compare, replay and the aria-live announcement.
 */
import type { TraceEvent } from '../engine/index.ts';

export interface OutcomeFacts {
  outcome: 'completed' | 'prevented' | 'failed' | 'running';
  errorCode: string | null;
  /** The app whose handler decided (prevented, or stopped the loop with an exception). */
  by: string | null;
}

export function outcomeFacts(events: readonly TraceEvent[]): OutcomeFacts {
  const start = events.find((e): e is Extract<TraceEvent, { type: 'run-start' }> => e.type === 'run-start');
  if (!start) return { outcome: 'running', errorCode: null, by: null };
  const mine = events.filter((e) => e.runId === start.runId);
  const names = new Map<string, string>();
  for (const step of start.plan) if (step.kind === 'event') for (const l of step.listeners) names.set(l.appId, l.name);
  const outcome = mine.find((e): e is Extract<TraceEvent, { type: 'outcome' }> => e.type === 'outcome');
  let deciding: string | null = null;
  for (const e of mine) if (e.type === 'phase-end' && (e.preventedBy || e.stoppedBy)) deciding = e.preventedBy ?? e.stoppedBy ?? null;
  let by: string | null = null;
  if (deciding) {
    const call = mine.find((e): e is Extract<TraceEvent, { type: 'call-start' }> => e.type === 'call-start' && e.call.callId === deciding);
    if (call) by = names.get(call.call.appId) ?? call.call.appId;
  }
  return { outcome: outcome?.outcome ?? 'running', errorCode: outcome?.error?.code ?? null, by };
}

export function outcomeText(f: OutcomeFacts): string {
  if (f.outcome === 'running') return 'running';
  if (f.outcome === 'completed') return 'completed';
  const verb = f.outcome === 'prevented' ? 'prevented' : `failed${f.errorCode ? ` (${f.errorCode})` : ''}`;
  return f.by ? `${verb} by ${f.by}` : verb;
}
