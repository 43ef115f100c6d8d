/** Extend/Modify chain examples (spec §4, §6) and Post create, which the host does not await. */
import { exampleWorld, ROOMS_IMPORT, source, type Example } from './types.ts';

const EXTENDER = "import { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';";
const BUILDER = "import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';";

const tagger = {
  id: 'tagger',
  name: 'Tagger',
  source: source([EXTENDER, ROOMS_IMPORT('IPreRoomCreateExtend', 'IRoom')], `
export class TaggerApp extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
        extend.addCustomField('team', 'ops');
        extend.addCustomField('createdBy', room.creator.username);
        return extend.getRoom();
    }
}`),
};

const standup = { action: 'createRoom' as const, name: 'standup', type: 'c' as const, creator: 'alice', members: ['bob'], expect: { outcome: 'completed' as const, errorCode: null } };

export const extendThenModify: Example = {
  id: 'extend-then-modify',
  title: 'Extend adds fields, then Modify renames',
  explanation: 'Extend returns a room with custom fields; Modify receives that room, renames it with the builder, and both changes land.',
  interfaces: ['IPreRoomCreateExtend', 'IPreRoomCreateModify'],
  scenario: {
    description: 'Tagger (Extend) adds customFields.team; Renamer (Modify) reads it and sets the display name "Team ops".',
    timeoutMs: 5000,
    apps: [
      tagger,
      {
        id: 'renamer',
        name: 'Renamer',
        source: source([BUILDER, ROOMS_IMPORT('IPreRoomCreateModify', 'IRoom')], `
export class RenamerApp extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
        const team = String(room.customFields?.team ?? 'none');
        builder.setDisplayName('Team ' + team);
        return builder.getRoom();
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [standup],
  },
};

export const modifyReturnsNothing: Example = {
  id: 'modify-returns-nothing',
  title: 'A Modify that returns nothing discards everything',
  explanation: 'Forgetful changes the room on its builder but forgets `return`: the chain breaks and no Extend or Modify change is applied — not even Tagger\'s.',
  interfaces: ['IPreRoomCreateExtend', 'IPreRoomCreateModify'],
  scenario: {
    description: 'Tagger (Extend) then Forgetful (Modify, no return): the room is created from the original data, without customFields or the new name.',
    timeoutMs: 5000,
    apps: [
      tagger,
      {
        id: 'forgetful',
        name: 'Forgetful',
        source: source([BUILDER, ROOMS_IMPORT('IPreRoomCreateModify', 'IRoom')], `
export class ForgetfulApp extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<any> {
        builder.setDisplayName('Renamed by Forgetful');
        builder.setReadOnly(true);
        // No "return builder.getRoom()": the host receives nothing and drops every change.
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [standup],
  },
};

export const extendDescription: Example = {
  id: 'extend-description-dropped',
  title: 'Extend sets a description: dropped by the host',
  explanation: 'The returned room has a description and a custom field, but the host maps only some fields back: the custom field lands, the description silently does not.',
  interfaces: ['IPreRoomCreateExtend'],
  scenario: {
    description: 'Describer (Extend) returns the room with description and customFields.topic: only customFields is applied.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'describer',
        name: 'Describer',
        source: source([EXTENDER, ROOMS_IMPORT('IPreRoomCreateExtend', 'IRoom')], `
export class DescriberApp extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
        extend.addCustomField('topic', 'Daily standup');
        // description is not among the fields Rocket.Chat copies back: it is dropped.
        return { ...extend.getRoom(), description: 'Where we meet every morning' } as IRoom;
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [standup],
  },
};

export const postCreateNotAwaited: Example = {
  id: 'post-create-not-awaited',
  title: 'Post create is not awaited',
  explanation: 'The host answers "completed" before the Post create handler has finished: its welcome message arrives half a second later.',
  interfaces: ['IPostRoomCreate'],
  scenario: {
    description: 'Slow Greeter waits 500 ms in Post create, then posts a message: the create request completed long before.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'slow-greeter',
        name: 'Slow Greeter',
        source: source([ROOMS_IMPORT('IPostRoomCreate', 'IRoom')], `
export class SlowGreeterApp extends App implements IPostRoomCreate {
    public async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const message = modify.getCreator().startMessage().setRoom(room).setText('Welcome to #' + room.slugifiedName + '!');
        await modify.getCreator().finish(message);
        this.getLogger().info('greeted, long after the host answered');
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [{ ...standup, name: 'launch' }],
  },
};
