/**
 * IRead. In the real runtime every reader is a proxy to the host's accessors
 * (RC packages/apps-engine/deno-runtime/lib/accessors/mod.ts, getReader), so validation and
 * defaults live in the host bridges; here each supported method is one request.
 */
import type { IMessageRead, INotifier, IRead, IRoomRead, IUserRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage, IMessageRaw } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { createEnvironmentRead } from './environment.ts';
import { createPersistenceRead } from './persistence.ts';
import type { RequestFn } from './types.ts';
import { rejectUnsupported, unsupportedGetter } from './unsupported.ts';

const P = 'IRead';

function createUserRead(request: RequestFn): IUserRead {
  const path = `${P}.getUserReader()`;
  return {
    getById: async (id) => (await request('user.getById', [id])) as IUser,
    getByUsername: async (username) => (await request('user.getByUsername', [username])) as IUser,
    // null = the calling app (RC UserRead defaults appId to the app's own id).
    getAppUser: async (appId?: string) => ((await request('user.getAppUser', [appId ?? null])) ?? undefined) as IUser | undefined,
    getBySipExtension: () => rejectUnsupported(request, `${path}.getBySipExtension()`),
    getUserUnreadMessageCount: () => rejectUnsupported(request, `${path}.getUserUnreadMessageCount()`),
    getUserRoomIds: () => rejectUnsupported(request, `${path}.getUserRoomIds()`),
  };
}

function createRoomRead(request: RequestFn): IRoomRead {
  const path = `${P}.getRoomReader()`;
  const room = async (p: Promise<unknown>) => ((await p) ?? undefined) as IRoom | undefined;
  const user = async (p: Promise<unknown>) => ((await p) ?? undefined) as IUser | undefined;
  return {
    getById: (id) => room(request('room.getById', [id])),
    getByName: (name) => room(request('room.getByName', [name])),
    getCreatorUserById: (id) => user(request('room.getCreatorUserById', [id])),
    getCreatorUserByName: (name) => user(request('room.getCreatorUserByName', [name])),
    getMembers: async (roomId) => (await request('room.getMembers', [roomId])) as IUser[],
    getDirectByUsernames: async (usernames) => (await request('room.getDirectByUsernames', [usernames])) as IRoom,
    getOwners: async (roomId) => (await request('room.getOwners', [roomId])) as IUser[],
    getMessages: async (roomId, options) => (await request('room.getMessages', [roomId, options ?? {}])) as IMessageRaw[],
    getAllRooms: () => rejectUnsupported(request, `${path}.getAllRooms()`),
    getModerators: () => rejectUnsupported(request, `${path}.getModerators()`),
    getLeaders: () => rejectUnsupported(request, `${path}.getLeaders()`),
    getUnreadByUser: () => rejectUnsupported(request, `${path}.getUnreadByUser()`),
    getUserUnreadMessageCount: () => rejectUnsupported(request, `${path}.getUserUnreadMessageCount()`),
  };
}

/** getSenderUser/getRoom read the message, as RC's MessageRead does. */
function createMessageRead(request: RequestFn): IMessageRead {
  const byId = async (id: string) => ((await request('message.getById', [id])) ?? undefined) as IMessage | undefined;
  return {
    getById: byId,
    getSenderUser: async (id) => (await byId(id))?.sender,
    getRoom: async (id) => (await byId(id))?.room,
  };
}

export function createRead(request: RequestFn, appId: string, notifier: INotifier): IRead {
  const environment = createEnvironmentRead(request, appId, `${P}.getEnvironmentReader()`);
  const users = createUserRead(request);
  const rooms = createRoomRead(request);
  const messages = createMessageRead(request);
  const persistence = createPersistenceRead(request);
  const unsupported = <T>(name: string) => unsupportedGetter<T>(request, `${P}.${name}()`);
  return {
    getEnvironmentReader: () => environment,
    getUserReader: () => users,
    getRoomReader: () => rooms,
    getMessageReader: () => messages,
    getPersistenceReader: () => persistence,
    getNotifier: () => notifier,
    getThreadReader: unsupported('getThreadReader'),
    getLivechatReader: unsupported('getLivechatReader'),
    getUploadReader: unsupported('getUploadReader'),
    getCloudWorkspaceReader: unsupported('getCloudWorkspaceReader'),
    getVideoConferenceReader: unsupported('getVideoConferenceReader'),
    getOAuthAppsReader: unsupported('getOAuthAppsReader'),
    getRoleReader: unsupported('getRoleReader'),
    getContactReader: unsupported('getContactReader'),
    getExperimentalReader: unsupported('getExperimentalReader'),
  };
}
