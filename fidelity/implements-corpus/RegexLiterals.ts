import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

// Regex literals holding braces, slashes and the word "implements".
const braces = /class Fake implements IPostRoomCreate {/;
const slashes = /[/{]+\/}/g;
const half = 10 / 2 / 1;

export class RegexLiterals extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        const closing = /}\s*implements IPostRoomDeleted {/;
        return braces.test(room.slugifiedName) || slashes.test(room.slugifiedName) || closing.test(String(half));
    }
}
