import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomDeleted, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

/* class NotReal implements IPreRoomUserJoined { } */
// class AlsoNotReal implements IPreRoomUserLeave {
const s1 = 'class InString implements IPreRoomCreateExtend {';
const s2 = "}} implements IPreRoomCreateModify {{";
const s3 = `template ${'{'} with ${`nested ${'}'}`} class T implements IPostRoomUserJoined {`;

export class StringsAndComments extends App implements IPostRoomDeleted {
    public async executePostRoomDeleted(room: IRoom): Promise<void> {
        const text = `${s1}${s2}${s3}\`}`; // } implements IPostRoomCreate {
        this.getLogger().debug(text, room.id);
    }
}
