/** One run's trace as a JSON file: the action, the host's answer and every trace event. */
import type { RunRecord } from '../workspace/types.ts';

export const TRACE_FORMAT = 'hookscope-trace';

export interface TraceFile {
  format: typeof TRACE_FORMAT;
  version: 1;
  exportedAt: string;
  runId: string;
  action: RunRecord['action'];
  state: RunRecord['state'];
  result: RunRecord['result'];
  unloadable: RunRecord['unloadable'];
  childRunIds: string[];
  events: RunRecord['events'];
  worldAfter: RunRecord['worldAfter'];
  crash?: string;
}

export function traceFile(run: RunRecord, now = new Date()): TraceFile {
  return {
    format: TRACE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    runId: run.id,
    action: run.action,
    state: run.state,
    result: run.result,
    unloadable: run.unloadable,
    childRunIds: run.childRunIds,
    events: run.events,
    worldAfter: run.worldAfter,
    ...(run.crash !== undefined ? { crash: run.crash } : {}),
  };
}

export function traceFileName(run: RunRecord): string {
  const safe = run.id.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `hookscope-trace-${run.action.action}-${safe}.json`;
}
