import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreateExtend, IPreRoomUserLeave, IRoom, IRoomUserLeaveContext } from '@rocket.chat/apps-engine/definition/rooms';
import { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';

class Helper implements IPreRoomUserLeave {
    public async executePreRoomUserLeave(context: IRoomUserLeaveContext): Promise<void> {
        void context;
    }
}

abstract class Base {
    protected label(): string {
        return '{';
    }
}

export class SeveralClasses extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
        void new Helper();
        void Base;
        return extend.getRoom();
    }
}
