/**
 * IEnvironmentRead / IEnvironmentWrite: app settings, server settings, environment variables.
 */
import type {
  IEnvironmentalVariableRead,
  IEnvironmentRead,
  IEnvironmentWrite,
  IServerSettingRead,
  IServerSettingUpdater,
  ISettingRead,
  ISettingUpdater,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { RequestFn } from './types.ts';
import { rejectUnsupported, unsupportedObject } from './unsupported.ts';

/** Names RC lets any app read (apps/meteor/app/apps/server/bridges/environmental.ts). */
const READABLE_ENV_VARS = ['NODE_ENV', 'ROOT_URL', 'INSTANCE_IP'];

/**
 * Environment variables as RC's bridge answers them, for a server where none is set:
 * readable = the allow-list above or the app's own `RC_APPS_<APP_ID>` prefix; reading or
 * asking `isSet` about a non-readable name throws RC's error; readable names are unset.
 */
export function createEnvironmentalVariableRead(appId: string): IEnvironmentalVariableRead {
  const ownPrefix = `RC_APPS_${appId.toUpperCase().replace(/-/g, '_')}`;
  const readable = (name: string): boolean => {
    const upper = String(name).toUpperCase();
    return READABLE_ENV_VARS.includes(upper) || upper.startsWith(ownPrefix);
  };
  const notReadable = (name: string): Error => new Error(`The environmental variable "${name}" is not readable.`);
  return {
    isReadable: async (name) => readable(name),
    isSet: async (name) => {
      if (!readable(name)) throw notReadable(name);
      return false;
    },
    getValueByName: async (name) => {
      if (!readable(name)) throw notReadable(name);
      return undefined as unknown as string;
    },
  };
}

export function createEnvironmentRead(request: RequestFn, appId: string, path: string): IEnvironmentRead {
  const settings: ISettingRead = {
    getById: async (id) => (await request('settings.getById', [id])) as ISetting,
    getValueById: (id) => request('settings.getValueById', [id]),
  };
  const server = `${path}.getServerSettings()`;
  const serverSettings: IServerSettingRead = {
    getOneById: async (id) => (await request('serverSettings.getOneById', [id])) as ISetting,
    getValueById: (id) => request('serverSettings.getValueById', [id]),
    getAll: () => rejectUnsupported(request, `${server}.getAll()`),
    isReadableById: () => rejectUnsupported(request, `${server}.isReadableById()`),
  };
  const envVars = createEnvironmentalVariableRead(appId);
  return {
    getSettings: () => settings,
    getServerSettings: () => serverSettings,
    getEnvironmentVariables: () => envVars,
  };
}

export function createEnvironmentWrite(request: RequestFn, path: string): IEnvironmentWrite {
  const settings: ISettingUpdater = {
    // The host merges the new value into the app's setting (RC SettingUpdater: ignored if unknown).
    updateValue: async (id, value) => {
      await request('settings.update', [{ id, value }]);
    },
    updateSelectOptions: () => rejectUnsupported(request, `${path}.getSettings().updateSelectOptions()`),
  };
  const serverSettings = unsupportedObject<IServerSettingUpdater>(request, `${path}.getServerSettings()`);
  return {
    getSettings: () => settings,
    getServerSettings: () => serverSettings,
  };
}
