/**
 * App settings (ISettingRead / ISettingUpdater) and server settings (IServerSettingRead).
 * After AE `src/server/accessors/SettingRead.ts`, `SettingUpdater.ts`, `ServerSettingRead.ts` and
 * RC `apps/meteor/app/apps/server/bridges/settings.ts`.
 */
import type { AppSetting, WorldState } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { copy, field, now, str } from './util.ts';
import { isReservedKey, ownEntry, ownValue, setOwn } from '../own-keys.ts';

function valueOf(setting: { value?: unknown; packageValue: unknown }): unknown {
  return setting.value === undefined || setting.value === null ? setting.packageValue : setting.value;
}

/** At most this many settings per app are stored (the ids and values are the app's data). */
export const MAX_SETTINGS = 500;
const MAX_ID_LENGTH = 200;

/** The app's own stored setting with this id: own properties only, so `constructor` or `__proto__` find nothing. */
function ownSetting(world: { data: WorldState }, appId: string, id: unknown): AppSetting | undefined {
  return typeof id === 'string' ? ownValue(ownValue(world.data.settings, appId), id) : undefined;
}

/**
 * Initialize (spec 7.2): every setting the app declared with `provideSetting` is stored at once,
 * before onEnable runs, so onEnable and later code read its package value. A value the world
 * already holds for it (the admin's, a scenario's `settings`) is kept. Declarations beyond
 * {@link MAX_SETTINGS}, with an empty or too long id, or an id that names an Object property
 * (`__proto__`) are not stored; what was refused is returned for the trace.
 */
export function declareSettings(world: { data: WorldState }, appId: string, declared: readonly AppSetting[]): string[] {
  const refused: string[] = [];
  const table = ownEntry(world.data.settings, appId, () => ({}));
  let stored = 0;
  for (const decl of declared) {
    const id = decl.id;
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH || isReservedKey(id)) {
      refused.push(`setting id ${JSON.stringify(String(id).slice(0, 40))} is not allowed`);
      continue;
    }
    if (stored >= MAX_SETTINGS) {
      refused.push(`more than ${MAX_SETTINGS} settings: "${id}" and later ones were not stored`);
      break;
    }
    stored += 1;
    const existing = ownSetting(world, appId, id);
    const setting: AppSetting = { ...decl };
    if (existing && existing.value !== undefined) setting.value = existing.value;
    setOwn(table, id, setting);
  }
  return refused;
}

/** SettingRead.getById: the stored ISetting, or undefined for an unknown id (no error). */
export const getById: BridgeHandler<'settings.getById'> = (ctx, id) => copy(ownSetting(ctx.world, ctx.appId, id));

/** SettingRead.getValueById: value when set (not null/undefined), else packageValue. */
export const getValueById: BridgeHandler<'settings.getValueById'> = (ctx, id) => {
  const setting = ownSetting(ctx.world, ctx.appId, id);
  if (!setting) throw new BridgeError(`Setting "${id}" does not exist.`);
  return copy(valueOf(setting));
};

/**
 * ISettingUpdater.updateValue(id, value), sent as `{ id, value }`. Like SettingUpdater, an unknown
 * id is silently ignored; updatedAt is stamped.
 */
export const update: BridgeHandler<'settings.update'> = (ctx, setting) => {
  const id = str(field(setting, 'id'));
  if (id === undefined || !ownSetting(ctx.world, ctx.appId, id)) return undefined;
  const patch: Partial<AppSetting> = { updatedAt: now(ctx), value: copy(field(setting, 'value')) };
  ctx.world.updateAppSetting(ctx.appId, id, patch);
  return undefined;
};

function settingType(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'int';
    case 'string':
      return 'string';
    default:
      return 'code';
  }
}

/** A server setting as the settings converter hands it to apps (plain values in the world). */
function serverSetting(ctx: BridgeContext, id: string): Record<string, unknown> {
  const all = ctx.world.data.serverSettings;
  // RC: getReadableSettingById finds nothing -> `The setting "<id>" is not readable.`
  if (!Object.prototype.hasOwnProperty.call(all, id)) throw new BridgeError(`The setting "${id}" is not readable.`);
  const value = copy(all[id]);
  return { id, type: settingType(value), packageValue: value, value, public: true, hidden: false, i18nLabel: id, required: false };
}

export const serverGetOneById: BridgeHandler<'serverSettings.getOneById'> = (ctx, id) => serverSetting(ctx, id);

/** ServerSettingRead.getValueById: the bridge throws first for unknown ids, so same message. */
export const serverGetValueById: BridgeHandler<'serverSettings.getValueById'> = (ctx, id) => {
  const setting = serverSetting(ctx, id);
  return valueOf(setting as { value?: unknown; packageValue: unknown });
};
