import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

interface IMyOwnThing {
    hello?(): void;
}

class Second implements IPreRoomCreatePrevent, IMyOwnThing {
    public async executePreRoomCreatePrevent(): Promise<boolean> {
        return false;
    }
}

export class UnknownAndDuplicate extends App implements IMyOwnThing, IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        void Second;
        return !room;
    }
}
