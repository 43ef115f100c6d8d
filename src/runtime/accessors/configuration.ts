/**
 * IConfigurationExtend (used once, in `extendConfiguration`) and IConfigurationModify.
 * Settings are collected for the `loaded` message; `http` is the app's shared HttpExtend;
 * every other extend is a registration (slash commands, API endpoints, UI buttons, schedulers,
 * video-conference and outbound-communication providers, external components): accepted and
 * ignored, since they are not effects of room events. `scheduler` (modify) records and answers
 * (scheduler.ts); the other modify parts are not simulated.
 */
import type {
  IConfigurationExtend,
  IConfigurationModify,
  IHttpExtend,
  IServerSettingsModify,
  ISlashCommandsModify,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { SettingDeclaration } from '../../protocol/runtime-protocol.ts';
import { encodeWire } from '../../protocol/wire.ts';
import type { RequestFn } from './types.ts';
import { createSchedulerModify } from './scheduler.ts';
import { acceptAllObject, unsupportedObject } from './unsupported.ts';

export type CollectingConfigurationExtend = IConfigurationExtend & { collectedSettings(): SettingDeclaration[] };

/** An ISetting as declared to the host (throws WireEncodeError for values that cannot cross). */
export function toSettingDeclaration(setting: ISetting): SettingDeclaration {
  if (!setting || typeof setting !== 'object' || typeof setting.id !== 'string' || setting.id === '') {
    throw new TypeError('provideSetting: the setting must be an object with a non-empty string "id"');
  }
  const decl: SettingDeclaration = {
    id: setting.id,
    type: String(setting.type),
    packageValue: encodeWire(setting.packageValue),
    required: Boolean(setting.required),
    public: Boolean(setting.public),
    i18nLabel: String(setting.i18nLabel ?? ''),
  };
  if (setting.value !== undefined) decl.value = encodeWire(setting.value);
  if (setting.i18nDescription !== undefined) decl.i18nDescription = String(setting.i18nDescription);
  if (setting.values !== undefined) decl.values = encodeWire(setting.values);
  return decl;
}

export function createConfigurationExtend(httpExtend: IHttpExtend): CollectingConfigurationExtend {
  // Keyed by id: providing the same id again replaces the declaration but keeps its place.
  const settings = new Map<string, SettingDeclaration>();
  const P = 'IConfigurationExtend';
  return {
    http: httpExtend,
    settings: {
      provideSetting: async (setting: ISetting) => {
        settings.set(setting?.id, toSettingDeclaration(setting));
      },
    },
    slashCommands: acceptAllObject(`${P}.slashCommands`),
    api: acceptAllObject(`${P}.api`),
    externalComponents: acceptAllObject(`${P}.externalComponents`),
    scheduler: acceptAllObject(`${P}.scheduler`),
    ui: acceptAllObject(`${P}.ui`),
    videoConfProviders: acceptAllObject(`${P}.videoConfProviders`),
    outboundCommunication: acceptAllObject(`${P}.outboundCommunication`),
    collectedSettings: () => [...settings.values()],
  };
}

export function createConfigurationModify(request: RequestFn): IConfigurationModify {
  const P = 'IConfigurationModify';
  return {
    serverSettings: unsupportedObject<IServerSettingsModify>(request, `${P}.serverSettings`),
    slashCommands: unsupportedObject<ISlashCommandsModify>(request, `${P}.slashCommands`),
    scheduler: createSchedulerModify(request),
  };
}
