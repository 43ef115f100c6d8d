/**
 * Reading a share link: decodes it and validates all of it (the workspace as `workspace-read.ts`
 * does, the runs with `trace-schema.ts`), never running or loading anything. Uses zod: the page
 * imports this only when a `#share=` link is opened.
 */
import { z } from 'zod';
import type { RunSummary } from '../workspace/types.ts';
import { readWorkspace } from '../workspace/workspace-read.ts';
import { decodeShare } from './codec.ts';
import { callsInWords, SHARE_FORMAT, type PendingWorkspace, type SharedCall, type SharedRun } from './payload.ts';
import { asAction, asTrace, SHARE_LIMITS, sharedRunSchema } from './trace-schema.ts';

export type ReadShareOutcome = { ok: true; pending: PendingWorkspace } | { ok: false; problem: string };

const payloadSchema = z.object({
  format: z.literal(SHARE_FORMAT),
  workspace: z.unknown(),
  runs: z.array(sharedRunSchema).max(SHARE_LIMITS.runs, `at most ${SHARE_LIMITS.runs} runs`).optional(),
});

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(top level)';
}

export function readSharePayload(json: unknown): ReadShareOutcome {
  const p = json as { format?: unknown } | null;
  if (!p || typeof p !== 'object' || p.format !== SHARE_FORMAT)
    return { ok: false, problem: 'This is not a hookscope link: its data is not a shared workspace.' };
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${pathText(i.path)}: ${i.message}`);
    return {
      ok: false,
      problem: `The shared runs cannot be read: ${issues.join('; ')}${parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''}.`,
    };
  }
  const read = readWorkspace(JSON.stringify(parsed.data.workspace));
  if (!read.ok) return { ok: false, problem: `The shared workspace cannot be read: ${read.problem}.` };
  const runs: SharedRun[] = (parsed.data.runs ?? []).map((r) => {
    const events = asTrace(r.events);
    const root = events[0]?.runId;
    const calls: SharedCall[] = root
      ? callsInWords(events, root)
      : (r.calls ?? []).map((c) => ({ ...c, ...(c.effect === undefined ? {} : { effect: c.effect }) }) as SharedCall);
    return { action: asAction(r.action), result: r.result as RunSummary, events, calls };
  });
  return { ok: true, pending: { origin: 'link', label: null, workspace: read.workspace, runs, actions: runs.map((r) => r.action) } };
}

/** Decodes the `v1.<data>` token of a link into a workspace to review, or says what is wrong. */
export function readShareToken(token: string): ReadShareOutcome {
  const decoded = decodeShare(token);
  return decoded.ok ? readSharePayload(decoded.json) : decoded;
}
