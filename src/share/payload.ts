/**
 * What a share link carries: the whole workspace (the saved-workspace format autosave uses:
 * apps, world, settings, drafts), with the world the recorded runs started from, and, if asked,
 * the recorded runs with their whole trace, so the recipient sees the same graphs and Run
 * reproduces them. This is the writing half, without zod (on the page's first load); reading a
 * link is `payload-read.ts`, which validates everything (trace-schema.ts), loaded on demand.
 */
import { type ActionInput, type TraceEvent, type WorldState } from '../engine/index.ts';
import { callsOf, type ReportCall } from '../scenario/report.ts';
import type { RunRecord, RunSummary, Workspace } from '../workspace/types.ts';
import { serializeWorkspace } from '../workspace/workspace-file.ts';
import { encodeShare, SHARE_PREFIX } from './codec.ts';

export const SHARE_FORMAT = 'hookscope-share';

export interface SharedCall {
  app: string;
  method: string;
  status: ReportCall['status'] | string;
  detail: string;
  awaited: boolean;
  effect?: string;
  error?: string;
}

export interface SharedRun {
  action: ActionInput;
  result: RunSummary;
  /** The run's whole trace (and the runs apps started in it); empty for links made before traces were shared. */
  events: TraceEvent[];
  /** Each call in words (derived from `events`, or as an older link carried it). */
  calls: SharedCall[];
}

export interface SharePayload {
  format: typeof SHARE_FORMAT;
  workspace: unknown;
  runs?: { action: ActionInput; result: RunSummary; events: TraceEvent[] }[];
}

/** A workspace to review before anything of it runs (from a link, a file or the gallery). */
export interface PendingWorkspace {
  origin: 'link' | 'file' | 'example';
  /** A file name or example title. */
  label: string | null;
  workspace: Workspace;
  runs: SharedRun[];
  /** The actions "Run" replays once it is loaded (recorded runs or the file's steps). */
  actions: ActionInput[];
}

export function callsInWords(events: readonly TraceEvent[], runId: string): SharedCall[] {
  return callsOf(events, runId, false).map((c) => ({
    app: c.app,
    method: c.method,
    status: c.status,
    detail: c.detail,
    awaited: c.awaited,
    ...(c.effect !== undefined ? { effect: c.effect } : {}),
    ...(c.error ? { error: `${c.error.name}: ${c.error.message}` } : {}),
  }));
}

export function sharedRunOf(run: RunRecord): SharedRun | null {
  if (!run.result) return null;
  return { action: run.action, result: run.result, events: run.events, calls: callsInWords(run.events, run.id) };
}

/**
 * The world a link should start from: the one the first shared run started from (so the
 * recipient's Run meets the same world the sender's first run met), else the live world.
 */
export function shareStartWorld(
  ws: Workspace,
  runs: readonly RunRecord[],
  worldBeforeRun: Record<string, WorldState> = {},
): { world: WorldState; beforeSeq: number | null } {
  const first = runs.find((r) => r.result);
  const world = first ? (first.worldBefore ?? worldBeforeRun[String(first.startedAt)]) : undefined;
  return world ? { world, beforeSeq: first?.seq ?? null } : { world: ws.world, beforeSeq: null };
}

export function buildSharePayload(ws: Workspace, runs: RunRecord[] | null): SharePayload {
  const payload: SharePayload = { format: SHARE_FORMAT, workspace: JSON.parse(serializeWorkspace(ws)) as unknown };
  if (runs) payload.runs = runs.flatMap((r) => (r.result && !r.shared ? [{ action: r.action, result: r.result, events: r.events }] : []));
  return payload;
}

/** The full link for this page: origin + path + `#share=v1.<data>`. */
export function shareLink(base: string, ws: Workspace, runs: RunRecord[] | null): string {
  return `${base.split('#')[0]}#${SHARE_PREFIX}${encodeShare(buildSharePayload(ws, runs))}`;
}

/** Shared runs as history records (read-only): run ids get a `shared-` prefix so they never meet the recipient's. */
export function sharedRecords(runs: readonly SharedRun[], startWorld: WorldState | null): RunRecord[] {
  return runs.flatMap((r, i): RunRecord[] => {
    const root = r.events[0]?.runId;
    if (!root) return [];
    const rename = (id: string) => `shared-${id}`;
    const events = r.events.map((e) => {
      const next = { ...e, runId: e.runId === null ? null : rename(e.runId) } as TraceEvent;
      if (next.type === 'run-start' && next.origin.kind === 'app' && next.origin.parentRunId)
        next.origin = { ...next.origin, parentRunId: rename(next.origin.parentRunId) };
      return next;
    });
    const children = [...new Set(events.flatMap((e) => (e.type === 'run-start' && e.origin.kind === 'app' && e.runId ? [e.runId] : [])))];
    const startedAt = r.events[0]?.at ?? 0;
    return [
      {
        id: rename(root),
        action: r.action,
        startedAt,
        state: 'settled',
        result: r.result,
        unloadable: [],
        childRunIds: children,
        events,
        worldBefore: i === 0 ? startWorld : null,
        worldAfter: null,
        shared: true,
      },
    ];
  });
}
