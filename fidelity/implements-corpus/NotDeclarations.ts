import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomUserLeave, IPreRoomUserJoined, IPreRoomCreateModify } from '@rocket.chat/apps-engine/definition/rooms';

// An interface that extends one, a class expression and a namespace class: none is a top-level
// class declaration of this file.
interface Fake extends IPreRoomUserJoined {}
const Expression = class implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(): Promise<undefined> {
        return undefined;
    }
};
namespace Inner {
    export class Hidden implements IPreRoomUserJoined {
        public async executePreRoomUserJoined(): Promise<void> {}
    }
}

export class NotDeclarations extends App implements IPostRoomUserLeave {
    public async executePostRoomUserLeave(): Promise<void> {
        const f: Fake | undefined = undefined;
        void f;
        void Expression;
        void Inner;
    }
}
