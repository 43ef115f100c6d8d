import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomUserJoined, IPreRoomCreatePrevent, IRoom, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

interface Wrapper<T> {
    value?: T;
}

class Box<T extends { id: string }> implements Wrapper<IPreRoomCreatePrevent> {
    public value?: IPreRoomCreatePrevent;
    constructor(public readonly item?: T) {}
}

function factory() {
    return class implements IPreRoomCreatePrevent {
        public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
            return !room;
        }
    };
}

export class Generics<T extends Record<string, { nested: string }> = {}> extends App implements IPostRoomUserJoined {
    public async executePostRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
        const map = new Map<string, Array<{ k: T }>>();
        void map;
        void factory;
        void Box;
        void context;
    }
}
