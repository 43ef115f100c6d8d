/**
 * The workspace on disk: a scenario (the same format the headless runner, export and share
 * links use) plus the live world with everything a scenario cannot say (messages, bots...),
 * and the action drafts. Reading never throws: it answers what was wrong.
 */
import { isRoomEvent } from '../engine/events.ts';
import type { WorldState } from '../engine/world/types.ts';
import { parseScenario, type ScenarioInput } from '../scenario/schema.ts';
import { appDefinition, initialWorld } from '../scenario/to-engine.ts';
import { z } from 'zod';
import { defaultDrafts } from './default-workspace.ts';
import { checkWorld, issuePath } from './world-schema.ts';
import { ownEntry, setOwn } from '../engine/own-keys.ts';
import type { ActionDrafts, Workspace } from './types.ts';

export const WORKSPACE_FORMAT = 'hookscope-workspace';
export const WORKSPACE_VERSION = 1;

export interface SavedWorkspace {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  savedAt: string;
  scenario: ScenarioInput;
  world: WorldState;
  drafts: ActionDrafts;
}

/** The workspace as a scenario: what export and share links will hand out. */
export function toScenario(ws: Workspace): ScenarioInput {
  const w = ws.world;
  const nameOf = new Map(w.users.map((u) => [u.id, u.username]));
  const rooms: NonNullable<ScenarioInput['rooms']> = [];
  for (const r of w.rooms) {
    const creator = nameOf.get(r.creatorId);
    if ((!creator && r.type !== 'd') || r.type === 'l') continue;
    const room: NonNullable<ScenarioInput['rooms']>[number] = {
      id: r.id,
      slugifiedName: r.slugifiedName,
      type: r.type,
      ...(creator ? { creator } : {}),
      members: r.memberIds.flatMap((id) => nameOf.get(id) ?? []),
      owners: r.ownerIds.flatMap((id) => nameOf.get(id) ?? []),
      isReadOnly: r.isReadOnly,
      isDefault: r.isDefault,
    };
    if (r.moderatorIds?.length) room.moderators = r.moderatorIds.flatMap((id) => nameOf.get(id) ?? []);
    if (r.displayName !== undefined) room.displayName = r.displayName;
    if (r.description !== undefined) room.description = r.description;
    if (r.customFields !== undefined) room.customFields = r.customFields;
    if (r.parentRoomId !== undefined) room.parentRoom = r.parentRoomId;
    rooms.push(room);
  }
  // A parent that is not written (a livechat room, a room without a known creator) would make the file invalid.
  const written = new Set(rooms.map((r) => r.id));
  for (const room of rooms) if (room.parentRoom !== undefined && !written.has(room.parentRoom)) delete room.parentRoom;
  const settings: Record<string, Record<string, unknown>> = {};
  for (const [appId, table] of Object.entries(w.settings)) {
    for (const [id, s] of Object.entries(table)) if (s.value !== undefined) setOwn(ownEntry(settings, appId, () => ({})), id, s.value);
  }
  return {
    profile: ws.settings.profile,
    timeoutMs: ws.settings.timeoutMs,
    apps: ws.apps.map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.nameSlug !== undefined ? { nameSlug: a.nameSlug } : {}),
      ...(a.version !== undefined ? { version: a.version } : {}),
      ...(a.description !== undefined ? { description: a.description } : {}),
      files: a.files,
      classFile: a.classFile,
      enabled: a.enabled,
      ...(a.essentials ? { essentials: a.essentials.filter(isRoomEvent) } : {}),
    })),
    users: w.users.map((u) => ({ id: u.id, username: u.username, name: u.name, roles: u.roles })),
    rooms,
    settings,
    httpMocks: w.httpMocks.map((m) => ({ ...m })),
    persistence: structuredClone(w.persistence),
    ...(w.permissions && Object.keys(w.permissions).length ? { permissions: structuredClone(w.permissions) } : {}),
    steps: [],
  };
}

export function serializeWorkspace(ws: Workspace, now = new Date()): string {
  const saved: SavedWorkspace = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: now.toISOString(), scenario: toScenario(ws), world: ws.world, drafts: ws.drafts };
  return JSON.stringify(saved);
}

const DATE_KEYS = new Set(['createdAt', 'updatedAt', 'lastModifiedAt', 'at']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON turned Dates into strings: turn them back. */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== '__proto__') out[k] = DATE_KEYS.has(k) && typeof v === 'string' && ISO.test(v) ? new Date(v) : reviveDates(v);
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
  if (saved.version !== WORKSPACE_VERSION) return { ok: false, problem: `it has version ${String(saved.version)}, this page reads version ${WORKSPACE_VERSION}` };
  const parsed = parseScenario(saved.scenario);
  if (!parsed.ok) return { ok: false, problem: parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ') };
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
  if (!readDrafts.success) return { ok: false, problem: readDrafts.error.issues.slice(0, 3).map((i) => `${issuePath('drafts', i.path)}: ${i.message}`).join('; ') };
  const drafts = { ...defaultDrafts(), ...readDrafts.data } as ActionDrafts;
  return {
    ok: true,
    workspace: { apps, world, settings: { timeoutMs: s.timeoutMs, profile: s.profile }, drafts },
  };
}
