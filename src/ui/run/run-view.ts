/** Which run the Run area shows and the pure bits of showing it (tested in Node). */
import type { TraceEvent } from '../../engine/index.ts';
import type { StoreState } from '../../state/store.ts';
import type { RunRecord, WorkspaceApp } from '../../workspace/types.ts';

/** The selected run, or the newest one when none is selected (live). */
export const selectShownRun = (s: StoreState): RunRecord | null =>
  (s.selectedRunId !== null ? s.runs.find((r) => r.id === s.selectedRunId) : undefined) ?? s.runs[s.runs.length - 1] ?? null;

export const selectCompareRun = (s: StoreState): RunRecord | null => (s.compareRunId !== null ? (s.runs.find((r) => r.id === s.compareRunId) ?? null) : null);

/** The events of one run inside a user run's record (the user run or a run an app started in it). */
export function eventsOf(run: RunRecord, runId: string | null): TraceEvent[] {
  const id = runId ?? run.id;
  return run.events.filter((e) => e.runId === id);
}

/** Whether the trace holds a run-start for that run (projectRun needs one). */
export function hasStart(events: readonly TraceEvent[]): boolean {
  return events.some((e) => e.type === 'run-start');
}

/** The call ids a trace event belongs to (log lines, accessor calls, call events). */
export function callIdOf(e: TraceEvent): string | null {
  if (e.type === 'call-paused' || e.type === 'call-start' || e.type === 'call-end' || e.type === 'call-pending') return e.call.callId;
  if (e.type === 'log' || e.type === 'logs-dropped' || e.type === 'accessor') return e.callId;
  return null;
}

/** The graph node (and run) of a call id, from the call's start or pause event. */
export function nodeOfCall(events: readonly TraceEvent[], callId: string): { runId: string; nodeId: string } | null {
  for (const e of events) {
    if ((e.type === 'call-start' || e.type === 'call-paused') && e.call.callId === callId)
      return { runId: e.runId, nodeId: `handler:${e.call.event}:${e.call.appId}` };
  }
  return null;
}

/** Console filter: only the events of those calls. */
export function filterByCalls(events: readonly TraceEvent[], callIds: readonly string[]): TraceEvent[] {
  const ids = new Set(callIds);
  return events.filter((e) => {
    const id = callIdOf(e);
    return id !== null && ids.has(id);
  });
}

/**
 * A stack frame or log site names a file as the runtime saw it ("Guard.ts", "lib/words.ts",
 * sometimes with a prefix): the app's file it means, or null.
 */
export function resolveAppFile(app: Pick<WorkspaceApp, 'files'>, file: string): string | null {
  const clean = file.replace(/^\.?\//, '');
  if (app.files[clean] !== undefined) return clean;
  const paths = Object.keys(app.files);
  return paths.find((p) => clean.endsWith(`/${p}`)) ?? paths.find((p) => p.endsWith(`/${clean}`)) ?? null;
}
