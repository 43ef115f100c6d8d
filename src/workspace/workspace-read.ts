/**
 * Reads a saved workspace (autosave, a share link's workspace, a workspace file) and validates all
 * of it: the scenario, the world, the drafts. Never throws: it answers what was wrong. Uses zod:
 * the page imports this only when there is something to read.
 */
import type { WorldState } from '../engine/index.ts';
import { parseScenario } from '../scenario/schema.ts';
import { appDefinition, initialWorld } from '../scenario/to-engine.ts';
import { z } from 'zod';
import { defaultDrafts } from './default-workspace.ts';
import { checkWorld, issuePath } from './world-schema.ts';
import type { ActionDrafts, Workspace } from './types.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type SavedWorkspace } from './workspace-file.ts';

const DATE_KEYS = new Set(['createdAt', 'updatedAt', 'lastModifiedAt', 'at']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON turned Dates into strings: turn them back. */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (k !== '__proto__') out[k] = DATE_KEYS.has(k) && typeof v === 'string' && ISO.test(v) ? new Date(v) : reviveDates(v);
    return out;
  }
  return value;
}

const draftText = z.string().max(10_000);
const draftNames = z.array(draftText).max(1000);
/** The Action panel's half-filled forms: any text, but each field of the type the form reads. */
const draftsSchema = z
  .object({
    createRoom: z
      .object({
        action: z.literal('createRoom'),
        name: draftText,
        type: z.enum(['c', 'p', 'd']),
        creator: draftText,
        members: draftNames.optional(),
        readOnly: z.boolean().optional(),
        displayName: draftText.optional(),
        customFields: z.record(z.string().max(500), z.unknown()).optional(),
        description: draftText.optional(),
      })
      .optional(),
    deleteRoom: z.object({ action: z.literal('deleteRoom'), room: draftText, by: draftText.optional() }).optional(),
    joinRoom: z.object({ action: z.literal('joinRoom'), room: draftText, user: draftText, inviter: draftText.optional() }).optional(),
    leaveRoom: z.object({ action: z.literal('leaveRoom'), room: draftText, user: draftText, removedBy: draftText.optional() }).optional(),
  })
  .optional();

export type ReadOutcome = { ok: true; workspace: Workspace } | { ok: false; problem: string };

export function readWorkspace(text: string): ReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `it is not valid JSON (${(err as Error).message})` };
  }
  const saved = json as Partial<SavedWorkspace> | null;
  if (!saved || saved.format !== WORKSPACE_FORMAT) return { ok: false, problem: 'it is not a hookscope workspace' };
  if (saved.version !== WORKSPACE_VERSION)
    return { ok: false, problem: `it has version ${String(saved.version)}, this page reads version ${WORKSPACE_VERSION}` };
  const parsed = parseScenario(saved.scenario);
  if (!parsed.ok)
    return {
      ok: false,
      problem: parsed.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; '),
    };
  const s = parsed.scenario;
  let apps;
  try {
    apps = s.apps.map(appDefinition);
  } catch (err) {
    return { ok: false, problem: `an app could not be read (${(err as Error).message})` };
  }
  let world: WorldState;
  if (saved.world === undefined) world = initialWorld(s);
  else {
    const checked = checkWorld(reviveDates(saved.world));
    if (!checked.ok) return { ok: false, problem: checked.problem };
    world = checked.world;
  }
  const readDrafts = draftsSchema.safeParse(saved.drafts);
  if (!readDrafts.success)
    return {
      ok: false,
      problem: readDrafts.error.issues
        .slice(0, 3)
        .map((i) => `${issuePath('drafts', i.path)}: ${i.message}`)
        .join('; '),
    };
  const drafts = { ...defaultDrafts(), ...readDrafts.data } as ActionDrafts;
  return {
    ok: true,
    workspace: { apps, world, settings: { timeoutMs: s.timeoutMs, profile: s.profile }, drafts },
  };
}
