import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomCreate, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export default class extends App implements IPostRoomCreate {
    public async executePostRoomCreate(room: IRoom): Promise<void> {
        this.getLogger().info('created', room.slugifiedName);
    }
}
