import { App } from '@rocket.chat/apps-engine/definition/App';
import * as rooms from '@rocket.chat/apps-engine/definition/rooms';

export class Namespaced extends App implements rooms.IPreRoomDeletePrevent, rooms.IPostRoomDeleted {
    public async executePreRoomDeletePrevent(room: rooms.IRoom): Promise<boolean> {
        return room.slugifiedName === 'keep';
    }
    public async executePostRoomDeleted(): Promise<void> {}
}
