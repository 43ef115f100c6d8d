/**
 * What a share link carries: the whole workspace (the saved-workspace format autosave uses:
 * apps, world, settings, drafts) and, if asked, a compact record of the runs (action, host
 * answer, each call's status) to show read-only. Reading validates everything and never runs
 * or loads anything.
 */
import type { ActionInput } from '../engine/host/actions.ts';
import { callsOf, type ReportCall } from '../scenario/report.ts';
import type { RunRecord, RunSummary, Workspace } from '../state/types.ts';
import { readWorkspace, serializeWorkspace } from '../state/workspace-file.ts';
import { decodeShare, encodeShare, SHARE_PREFIX } from './codec.ts';

export const SHARE_FORMAT = 'hookscope-share';

export interface SharedCall {
  app: string;
  method: string;
  status: ReportCall['status'];
  detail: string;
  awaited: boolean;
  effect?: string;
  error?: string;
}

export interface SharedRun {
  action: ActionInput;
  result: RunSummary;
  calls: SharedCall[];
}

export interface SharePayload {
  format: typeof SHARE_FORMAT;
  workspace: unknown;
  runs?: SharedRun[];
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

export function sharedRunOf(run: RunRecord): SharedRun | null {
  if (!run.result) return null;
  const calls = callsOf(run.events, run.id, false).map((c) => ({
    app: c.app,
    method: c.method,
    status: c.status,
    detail: c.detail,
    awaited: c.awaited,
    ...(c.effect !== undefined ? { effect: c.effect } : {}),
    ...(c.error ? { error: `${c.error.name}: ${c.error.message}` } : {}),
  }));
  return { action: run.action, result: run.result, calls };
}

export function buildSharePayload(ws: Workspace, runs: RunRecord[] | null): SharePayload {
  const payload: SharePayload = { format: SHARE_FORMAT, workspace: JSON.parse(serializeWorkspace(ws)) as unknown };
  if (runs) payload.runs = runs.flatMap((r) => sharedRunOf(r) ?? []);
  return payload;
}

/** The full link for this page: origin + path + `#share=v1.<data>`. */
export function shareLink(base: string, ws: Workspace, runs: RunRecord[] | null): string {
  return `${base.split('#')[0]}#${SHARE_PREFIX}${encodeShare(buildSharePayload(ws, runs))}`;
}

export type ReadShareOutcome = { ok: true; pending: PendingWorkspace } | { ok: false; problem: string };

export function readSharePayload(json: unknown): ReadShareOutcome {
  const p = json as Partial<SharePayload> | null;
  if (!p || typeof p !== 'object' || p.format !== SHARE_FORMAT) return { ok: false, problem: 'This is not a hookscope link: its data is not a shared workspace.' };
  const read = readWorkspace(JSON.stringify(p.workspace));
  if (!read.ok) return { ok: false, problem: `The shared workspace cannot be read: ${read.problem}.` };
  const runs = Array.isArray(p.runs) ? p.runs.filter(isSharedRun) : [];
  return { ok: true, pending: { origin: 'link', label: null, workspace: read.workspace, runs, actions: runs.map((r) => r.action) } };
}

function isSharedRun(r: unknown): r is SharedRun {
  const o = r as Partial<SharedRun> | null;
  return !!o && typeof o === 'object' && !!o.action && typeof o.action === 'object' && typeof o.action.action === 'string' && !!o.result && Array.isArray(o.calls);
}

/** Decodes the `v1.<data>` token of a link into a workspace to review, or says what is wrong. */
export function readShareToken(token: string): ReadShareOutcome {
  const decoded = decodeShare(token);
  return decoded.ok ? readSharePayload(decoded.json) : decoded;
}
