/**
 * The workspace on disk: a scenario (the same format the headless runner, export and share
 * links use) plus the live world with everything a scenario cannot say (messages, bots...),
 * and the action drafts. This is the writing half (autosave, share links, export), without zod, so
 * it is on the page's first load; reading and validating is `workspace-read.ts`, loaded on demand.
 */
import { isRoomEvent, ownEntry, setOwn, type WorldState } from '../engine/index.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
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
    for (const [id, s] of Object.entries(table))
      if (s.value !== undefined)
        setOwn(
          ownEntry(settings, appId, () => ({})),
          id,
          s.value,
        );
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
  const saved: SavedWorkspace = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    savedAt: now.toISOString(),
    scenario: toScenario(ws),
    world: ws.world,
    drafts: ws.drafts,
  };
  return JSON.stringify(saved);
}
