/**
 * IModify: creator, updater, deleter, notifier; the rest is unsupported.
 */
import type { IOAuthAppsModify } from '@rocket.chat/apps-engine/definition/accessors/IOAuthAppsModify.js';
import type { IModerationModify, IModify, IModifyDeleter, IModifyExtender, INotifier, IUIController } from '@rocket.chat/apps-engine/definition/accessors';
import { createModifyCreator } from './modify-creator.ts';
import { createModifyUpdater } from './modify-updater.ts';
import type { RequestFn } from './types.ts';
import { rejectUnsupported, unsupportedGetter } from './unsupported.ts';
import { createSchedulerModify } from './scheduler.ts';

const P = 'IModify';

export function createModifyDeleter(request: RequestFn): IModifyDeleter {
  return {
    deleteRoom: async (roomId) => {
      await request('modify.deleter.deleteRoom', [roomId]);
    },
    deleteMessage: async (message) => {
      // undefined crosses as null either way.
      await request('modify.deleter.deleteMessage', [message.id ?? null]);
    },
    removeUsersFromRoom: async (roomId, usernames) => {
      await request('modify.deleter.removeUsersFromRoom', [roomId, usernames]);
    },
    deleteUsers: () => rejectUnsupported(request, `${P}.getDeleter().deleteUsers()`),
  };
}

export function createModify(request: RequestFn, appId: string, notifier: INotifier): IModify {
  const creator = createModifyCreator(request, appId);
  const updater = createModifyUpdater(request, appId);
  const deleter = createModifyDeleter(request);
  const scheduler = createSchedulerModify(request);
  const unsupported = <T>(name: string) => unsupportedGetter<T>(request, `${P}.${name}()`);
  return {
    getCreator: () => creator,
    getUpdater: () => updater,
    getDeleter: () => deleter,
    getNotifier: () => notifier,
    getExtender: unsupported<IModifyExtender>('getExtender'),
    getUiController: unsupported<IUIController>('getUiController'),
    getScheduler: () => scheduler,
    getOAuthAppsModifier: unsupported<IOAuthAppsModify>('getOAuthAppsModifier'),
    getModerationModifier: unsupported<IModerationModify>('getModerationModifier'),
  };
}
