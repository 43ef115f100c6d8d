/**
 * IRoomExtender as the deno runtime implements it (spec section 6; RC
 * `packages/apps-engine/deno-runtime/lib/accessors/extenders/RoomExtender.ts`): wraps the raw room,
 * `addCustomField` refuses existing (truthy) keys and keys with a period, `addMember` keeps a
 * local list nothing reads, `getRoom()` returns a deep copy.
 */
import type { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors/IRoomExtender.js';
import type { RocketChatAssociationModel } from '@rocket.chat/apps-engine/definition/metadata/RocketChatAssociations.js';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms/IRoom.js';
import type { IUser } from '@rocket.chat/apps-engine/definition/users/IUser.js';
import { roomAssociationModel } from './apps-engine-registry.ts';

export class RoomExtender implements IRoomExtender {
  public kind: RocketChatAssociationModel.ROOM;
  private members: Array<IUser>;

  constructor(private room: IRoom) {
    this.kind = roomAssociationModel() as RocketChatAssociationModel.ROOM;
    this.members = [];
  }

  public addCustomField(key: string, value: unknown): IRoomExtender {
    if (!this.room.customFields) this.room.customFields = {};
    if (this.room.customFields[key]) {
      throw new Error(`The room already contains a custom field by the key: ${key}`);
    }
    if (key.includes('.')) {
      throw new Error(`The given key contains a period, which is not allowed. Key: ${key}`);
    }
    this.room.customFields[key] = value;
    return this;
  }

  public addMember(user: IUser): IRoomExtender {
    if (this.members.find((u) => u.username === user.username)) {
      throw new Error('The user is already in the room.');
    }
    this.members.push(user);
    return this;
  }

  public getMembersBeingAdded(): Array<IUser> {
    return this.members;
  }

  public getUsernamesOfMembersBeingAdded(): Array<string> {
    return this.members.map((u) => u.username);
  }

  public getRoom(): IRoom {
    return structuredClone(this.room);
  }
}
