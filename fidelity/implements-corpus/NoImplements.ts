import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

// Handlers written without any implements clause: the manifest lists nothing.
export class NoImplements extends App {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return room.slugifiedName.includes('implements IPreRoomCreatePrevent {');
    }
}
