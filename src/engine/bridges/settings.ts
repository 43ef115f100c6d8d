/**
 * App settings (ISettingRead / ISettingUpdater) and server settings (IServerSettingRead).
 * After AE `src/server/accessors/SettingRead.ts`, `SettingUpdater.ts`, `ServerSettingRead.ts` and
 * RC `apps/meteor/app/apps/server/bridges/settings.ts`.
 */
import type { AppSetting } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { copy, field, now, str } from './util.ts';

function valueOf(setting: { value?: unknown; packageValue: unknown }): unknown {
  return setting.value === undefined || setting.value === null ? setting.packageValue : setting.value;
}

/** SettingRead.getById: the stored ISetting, or undefined for an unknown id (no error). */
export const getById: BridgeHandler<'settings.getById'> = (ctx, id) => copy(ctx.world.appSetting(ctx.appId, id));

/** SettingRead.getValueById: value when set (not null/undefined), else packageValue. */
export const getValueById: BridgeHandler<'settings.getValueById'> = (ctx, id) => {
  const setting = ctx.world.appSetting(ctx.appId, id);
  if (!setting) throw new BridgeError(`Setting "${id}" does not exist.`);
  return copy(valueOf(setting));
};

/**
 * ISettingUpdater.updateValue(id, value), sent as `{ id, value }`. Like SettingUpdater, an unknown
 * id is silently ignored; updatedAt is stamped.
 */
export const update: BridgeHandler<'settings.update'> = (ctx, setting) => {
  const id = str(field(setting, 'id'));
  if (id === undefined || !ctx.world.appSetting(ctx.appId, id)) return undefined;
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
