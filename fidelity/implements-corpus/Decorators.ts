import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

function sealed(constructor: Function) {
    Object.seal(constructor.prototype);
}

function logged(_target: object, _key: string, descriptor: PropertyDescriptor): PropertyDescriptor {
    return descriptor;
}

@sealed
export class Decorators extends App implements IPreRoomUserJoined {
    @logged
    public async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
        void context;
    }
}
