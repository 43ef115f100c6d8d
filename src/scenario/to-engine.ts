/** Turns a validated scenario into an engine's starting state: world, apps, settings. */
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import { setOwn } from '../engine/own-keys.ts';
import type { WorldStore } from '../engine/world/store.ts';
import { emptyWorld, type WorldRoom, type WorldState } from '../engine/world/types.ts';
import type { Scenario, ScenarioApp } from './schema.ts';

export const SCENARIO_EPOCH = Date.UTC(2026, 0, 1);

/**
 * An app whose code is in the scenario as the engine installs it. An app given by `path` is read
 * from disk first (`resolveScenarioApps` in Node); here it is an error naming the folder.
 */
export function appDefinition(app: ScenarioApp): AppDefinition {
  // isPathApp, written out: this file is on the page's first load and the schema (zod) is not.
  if (app.path !== undefined) throw new Error(`the app in folder "${app.path}" must be read from disk first (hookscope run, or open the folder)`);
  const files = app.files ?? { [app.classFile ?? `${app.name.replace(/[^\w]/g, '') || 'App'}.ts`]: app.source ?? '' };
  let classFile = app.classFile ?? Object.keys(files)[0] ?? 'App.ts';
  if (app.classFile === undefined && files['app.json'] !== undefined) {
    const json = JSON.parse(files['app.json']) as { classFile?: unknown };
    if (typeof json.classFile === 'string') classFile = json.classFile;
  }
  const def: AppDefinition = { id: app.id, name: app.name, classFile, files, enabled: app.enabled };
  if (app.nameSlug !== undefined) def.nameSlug = app.nameSlug;
  if (app.version !== undefined) def.version = app.version;
  if (app.description !== undefined) def.description = app.description;
  if (app.essentials !== undefined) def.essentials = app.essentials;
  return def;
}

export function initialWorld(s: Scenario): WorldState {
  const world = emptyWorld();
  const created = new Date(SCENARIO_EPOCH);
  for (const u of s.users) {
    world.users.push({ id: u.id, username: u.username, name: u.name ?? u.username, roles: u.roles, type: 'user', createdAt: created });
  }
  const idOf = (username: string) => s.users.find((u) => u.username === username)?.id ?? username;
  for (const r of s.rooms) {
    const memberIds = [...new Set([...(r.creator ? [r.creator] : []), ...r.members].map(idOf))];
    const room: WorldRoom = {
      id: r.id,
      slugifiedName: r.slugifiedName,
      displayName: r.displayName ?? r.slugifiedName,
      type: r.type,
      creatorId: r.creator ? idOf(r.creator) : '',
      memberIds,
      ownerIds: (r.owners ?? (r.type === 'd' || !r.creator ? [] : [r.creator])).map(idOf),
      isDefault: r.isDefault ?? false,
      isReadOnly: r.isReadOnly ?? false,
      displaySystemMessages: true,
      messageCount: 0,
      createdAt: created,
      updatedAt: created,
    };
    if (r.moderators !== undefined) room.moderatorIds = r.moderators.map(idOf);
    if (r.description !== undefined) room.description = r.description;
    if (r.customFields !== undefined) room.customFields = structuredClone(r.customFields);
    if (r.parentRoom !== undefined) room.parentRoomId = r.parentRoom;
    world.rooms.push(room);
  }
  if (s.permissions !== undefined && Object.keys(s.permissions).length > 0) world.permissions = structuredClone(s.permissions);
  for (const [appId, values] of Object.entries(s.settings ?? {})) {
    const table: WorldState['settings'][string] = setOwn(world.settings, appId, {});
    for (const [id, value] of Object.entries(values)) {
      setOwn(table, id, {
        id,
        type: typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'int' : 'string',
        packageValue: value,
        value,
        required: false,
        public: false,
        i18nLabel: id,
      });
    }
  }
  for (const mock of s.httpMocks ?? []) {
    world.httpMocks.push({ ...mock, method: mock.method.toUpperCase() } as WorldState['httpMocks'][number]);
  }
  for (const [appId, records] of Object.entries(s.persistence ?? {})) {
    setOwn(
      world.persistence,
      appId,
      records.map((r) => ({ id: r.id, data: r.data, associations: r.associations })),
    );
  }
  return world;
}

/**
 * Rooms whose `members` name an app's bot (`<nameSlug>.bot`) keep the name as a placeholder id
 * until the app's install creates the bot, which takes the seat (bridges/users.ts ensureAppUser).
 * Called after the installs: a placeholder still there names no app of the file; it is dropped
 * and reported.
 */
export function unseatedBots(world: Pick<WorldStore, 'data' | 'updateRoom'>, s: Scenario): string[] {
  const problems: string[] = [];
  s.rooms.forEach((r, i) => {
    const room = world.data.rooms.find((x) => x.id === r.id);
    if (!room) return;
    const left = r.members.filter((name) => name.endsWith('.bot') && !s.users.some((u) => u.username === name) && room.memberIds.includes(name));
    for (const name of left) {
      problems.push(
        `rooms[${i}].members[${r.members.indexOf(name)}]: "${name}" is not in "users" and no app of this file has that bot user (an app's bot is <nameSlug>.bot)`,
      );
    }
    if (left.length) world.updateRoom(room.id, { memberIds: room.memberIds.filter((id) => !left.includes(id)) });
  });
  return problems;
}
