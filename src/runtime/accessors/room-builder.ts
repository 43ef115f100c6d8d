/**
 * IRoomBuilder: the Modify argument of IPreRoomCreateModify and what `startRoom()` /
 * `getUpdater().room()` return. Holds the room object BY REFERENCE (spec section 6): every setter
 * writes into it and `getRoom()` returns that same object. Behaviour follows RC
 * packages/apps-engine/deno-runtime/lib/accessors/builders/RoomBuilder.ts.
 */
import type { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import type { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { RocketChatAssociationModel } from '@rocket.chat/apps-engine/definition/metadata/RocketChatAssociations.js';

export class RoomBuilder implements IRoomBuilder {
  public kind: RocketChatAssociationModel.ROOM | RocketChatAssociationModel.DISCUSSION = RocketChatAssociationModel.ROOM;

  private room: IRoom;

  /** Usernames to add as members; only the creator/updater `finish` reads them. */
  private members: string[] = [];
  /** What the setters changed (apps-engine 1.62 RoomBuilder): the updater sends only this. */
  private changes: Partial<IRoom> = {};
  private customFieldsChanged = false;

  constructor(room?: Partial<IRoom>) {
    this.room = (room ?? { customFields: {} }) as IRoom;
  }

  /** Like the real builder: drops `id` from `data` and holds `data` itself from now on. */
  public setData(data: Partial<IRoom>): IRoomBuilder {
    delete data.id;
    this.room = data as IRoom;
    this.changes = structuredClone(this.room);
    return this;
  }

  public setDisplayName(name: string): IRoomBuilder {
    this.room.displayName = name;
    (this.changes as Record<string, unknown>)['displayName'] = name;
    return this;
  }

  public getDisplayName(): string {
    return this.room.displayName as string;
  }

  /** No validation (the real builder does none either, whatever the docs say). */
  public setSlugifiedName(name: string): IRoomBuilder {
    this.room.slugifiedName = name;
    (this.changes as Record<string, unknown>)['slugifiedName'] = name;
    return this;
  }

  public getSlugifiedName(): string {
    return this.room.slugifiedName;
  }

  public setType(type: RoomType): IRoomBuilder {
    this.room.type = type;
    (this.changes as Record<string, unknown>)['type'] = type;
    return this;
  }

  public getType(): RoomType {
    return this.room.type;
  }

  public setCreator(creator: IUser): IRoomBuilder {
    this.room.creator = creator;
    (this.changes as Record<string, unknown>)['creator'] = creator;
    return this;
  }

  public getCreator(): IUser {
    return this.room.creator;
  }

  /** @deprecated in Apps-Engine: same as addMemberToBeAddedByUsername. */
  public addUsername(username: string): IRoomBuilder {
    return this.addMemberToBeAddedByUsername(username);
  }

  /** @deprecated in Apps-Engine: same as setMembersToBeAddedByUsernames. */
  public setUsernames(usernames: string[]): IRoomBuilder {
    return this.setMembersToBeAddedByUsernames(usernames);
  }

  /** @deprecated in Apps-Engine: the local member list, or the room's usernames when it is empty. */
  public getUsernames(): string[] {
    if (this.members.length > 0) return this.members;
    return this.room.usernames ?? [];
  }

  public addMemberToBeAddedByUsername(username: string): IRoomBuilder {
    this.members.push(username);
    return this;
  }

  public setMembersToBeAddedByUsernames(usernames: string[]): IRoomBuilder {
    this.members = usernames;
    return this;
  }

  public getMembersToBeAddedUsernames(): string[] {
    return this.members;
  }

  public setDefault(isDefault: boolean): IRoomBuilder {
    this.room.isDefault = isDefault;
    (this.changes as Record<string, unknown>)['isDefault'] = isDefault;
    return this;
  }

  public getIsDefault(): boolean {
    return this.room.isDefault as boolean;
  }

  public setReadOnly(isReadOnly: boolean): IRoomBuilder {
    this.room.isReadOnly = isReadOnly;
    (this.changes as Record<string, unknown>)['isReadOnly'] = isReadOnly;
    return this;
  }

  public getIsReadOnly(): boolean {
    return this.room.isReadOnly as boolean;
  }

  public setDisplayingOfSystemMessages(displaySystemMessages: boolean): IRoomBuilder {
    this.room.displaySystemMessages = displaySystemMessages;
    (this.changes as Record<string, unknown>)['displaySystemMessages'] = displaySystemMessages;
    return this;
  }

  public getDisplayingOfSystemMessages(): boolean {
    return this.room.displaySystemMessages as boolean;
  }

  /** Overwrites an existing key; no period check (unlike IRoomExtender). */
  public addCustomField(key: string, value: object): IRoomBuilder {
    // As the runtime's: `typeof null` is 'object', so a null customFields stays and the write throws.
    if (typeof this.room.customFields !== 'object') {
      this.room.customFields = {};
    }
    this.room.customFields[key] = value;
    this.customFieldsChanged = true;
    return this;
  }

  public setCustomFields(fields: { [key: string]: object }): IRoomBuilder {
    this.room.customFields = fields;
    this.customFieldsChanged = true;
    return this;
  }

  public getCustomFields(): { [key: string]: object } {
    return this.room.customFields as { [key: string]: object };
  }

  public getUserIds(): string[] {
    return this.room.userIds as string[];
  }

  /** The held room itself (not a copy). */
  /** The changes since the builder was made (`setData` counts as changing everything it sets). */
  public getChanges(): Partial<IRoom> {
    const changes = structuredClone(this.changes);
    if (this.customFieldsChanged) changes.customFields = structuredClone(this.room.customFields ?? {});
    return changes;
  }

  public getRoom(): IRoom {
    return this.room;
  }
}
