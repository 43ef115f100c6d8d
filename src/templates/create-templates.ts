/** Templates for the four room-create events (spec §4: Prevent, Extend, Modify, Post create). */
import { template, type AppTemplate } from './types.ts';

export const preventCreate: AppTemplate = template({
  id: 'pre-room-create-prevent',
  label: 'Prevent room creation',
  interfaceName: 'IPreRoomCreatePrevent',
  description: 'Refuses to create rooms whose name contains a blocked word.',
  classFile: 'BlockRoomNamesApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000001',
  name: 'Block Room Names',
  source: `import { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

const BLOCKED_WORDS = ['spam', 'casino'];

/**
 * IPreRoomCreatePrevent: Rocket.Chat asks every app, in order, before a room is created.
 * The first app that returns a truthy value stops the creation: the user gets
 * \`error-app-prevented\` ("A Rocket.Chat App prevented the room creation.") and the apps
 * after it are not called. Returning false lets the next app decide.
 */
export class BlockRoomNamesApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence): Promise<boolean> {
        const name = room.slugifiedName.toLowerCase();
        const word = BLOCKED_WORDS.find((w) => name.includes(w));
        if (word) {
            this.getLogger().info(\`Blocking #\${room.slugifiedName}: it contains "\${word}"\`);
        }
        return word !== undefined;
    }
}
`,
});

export const extendCreate: AppTemplate = template({
  id: 'pre-room-create-extend',
  label: 'Extend a new room',
  interfaceName: 'IPreRoomCreateExtend',
  description: 'Adds a custom field recording who created the room.',
  classFile: 'TagNewRoomsApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000002',
  name: 'Tag New Rooms',
  source: `import { IHttp, IPersistence, IRead, IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreateExtend, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPreRoomCreateExtend: the apps form a chain. The room this method returns replaces the room
 * for the next app (and then for IPreRoomCreateModify). Returning nothing breaks the chain:
 * no Extend or Modify change from any app is applied. Only some fields are copied back to the
 * room (customFields is one of them); addMember on the extender has no effect.
 */
export class TagNewRoomsApp extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender, read: IRead, http: IHttp, persistence: IPersistence): Promise<IRoom> {
        if (!room.customFields?.createdBy) {
            extend.addCustomField('createdBy', room.creator.username);
        }
        return extend.getRoom();
    }
}
`,
});

export const modifyCreate: AppTemplate = template({
  id: 'pre-room-create-modify',
  label: 'Modify a new room',
  interfaceName: 'IPreRoomCreateModify',
  description: 'Makes rooms named announce-* read-only, with a friendly display name.',
  classFile: 'AnnouncementRoomsApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000003',
  name: 'Announcement Rooms',
  source: `import { IHttp, IPersistence, IRead, IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreateModify, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPreRoomCreateModify runs after Extend, as a chain: each app gets the room the previous app
 * returned. After the last app, Rocket.Chat copies back only some fields (type, displayName,
 * slugifiedName, isReadOnly, customFields, ...; not description or members) and creates the
 * room. Returning nothing breaks the chain and drops every Extend/Modify change.
 */
export class AnnouncementRoomsApp extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder, read: IRead, http: IHttp, persistence: IPersistence): Promise<IRoom> {
        if (room.slugifiedName.startsWith('announce-')) {
            const topic = room.slugifiedName.slice('announce-'.length).replace(/-/g, ' ');
            builder.setReadOnly(true).setDisplayName(\`📣 \${topic}\`);
        }
        return builder.getRoom();
    }
}
`,
});

export const postCreate: AppTemplate = template({
  id: 'post-room-create',
  label: 'After a room is created',
  interfaceName: 'IPostRoomCreate',
  description: 'Posts a welcome message in every new room.',
  classFile: 'RoomGreeterApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000004',
  name: 'Room Greeter',
  source: `import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomCreate, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPostRoomCreate runs once the room exists. Rocket.Chat does not wait for it: the user's
 * create request has already completed, the return value is ignored and a thrown error is
 * only logged on the server.
 */
export class RoomGreeterApp extends App implements IPostRoomCreate {
    public async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const message = modify.getCreator().startMessage()
            .setRoom(room)
            .setText(\`Welcome to #\${room.slugifiedName}, created by @\${room.creator.username}.\`);
        const bot = await read.getUserReader().getAppUser();
        if (bot) {
            message.setSender(bot);
        }
        await modify.getCreator().finish(message);
    }
}
`,
});
