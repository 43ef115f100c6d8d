import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomDeleted, IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ListWithComments
    extends App
    implements
        IPreRoomCreatePrevent /* , IPostRoomCreate */,
        // IPreRoomUserJoined,
        IPostRoomDeleted {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return room.isReadOnly === true;
    }
    public async executePostRoomDeleted(): Promise<void> {}
}
