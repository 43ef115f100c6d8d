/** Templates for the two room-delete events (spec §4: Prevent delete, Post deleted). */
import { template, type AppTemplate } from './types.ts';

export const preventDelete: AppTemplate = template({
  id: 'pre-room-delete-prevent',
  label: 'Prevent room deletion',
  interfaceName: 'IPreRoomDeletePrevent',
  description: 'Refuses to delete default rooms (the ones every new user joins).',
  classFile: 'KeepDefaultRoomsApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000005',
  name: 'Keep Default Rooms',
  source: `import { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomDeletePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPreRoomDeletePrevent: asked before a room is deleted. The first app that returns a truthy
 * value stops the deletion: the user gets \`error-app-prevented-deleting\` ("A Rocket.Chat App
 * prevented the room erasing.") and later apps are not called.
 */
export class KeepDefaultRoomsApp extends App implements IPreRoomDeletePrevent {
    public async executePreRoomDeletePrevent(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence): Promise<boolean> {
        if (room.isDefault) {
            this.getLogger().info(\`#\${room.slugifiedName} is a default room: keeping it\`);
            return true;
        }
        return false;
    }
}
`,
});

export const postDeleted: AppTemplate = template({
  id: 'post-room-deleted',
  label: 'After a room is deleted',
  interfaceName: 'IPostRoomDeleted',
  description: "Keeps a record of each deleted room in the app's persistence.",
  classFile: 'DeletedRoomsLogApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000006',
  name: 'Deleted Rooms Log',
  source: `import { IHttp, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IPostRoomDeleted, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPostRoomDeleted gets the room as it was before deletion. Rocket.Chat does not wait for it:
 * the delete request has already completed, the return value is ignored and a thrown error
 * is only logged on the server.
 */
export class DeletedRoomsLogApp extends App implements IPostRoomDeleted {
    public async executePostRoomDeleted(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
        const log = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'deleted-rooms');
        await persistence.createWithAssociation({ roomId: room.id, name: room.slugifiedName, type: room.type }, log);
        this.getLogger().info(\`Recorded the deletion of #\${room.slugifiedName}\`);
    }
}
`,
});
