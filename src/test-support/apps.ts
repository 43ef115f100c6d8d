/**
 * Real Apps-Engine app classes used as fixtures by the engine and scenario tests. Each is the
 * TypeScript a developer would write (imports from @rocket.chat/apps-engine, `implements`).
 */
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

const HEAD = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom, IRoomUserJoinedContext, IRoomUserLeaveContext, IPreRoomCreatePrevent, IPreRoomCreateExtend, IPreRoomCreateModify, IPostRoomCreate, IPreRoomDeletePrevent, IPostRoomDeleted, IPreRoomUserJoined, IPostRoomUserJoined, IPreRoomUserLeave, IPostRoomUserLeave } from '@rocket.chat/apps-engine/definition/rooms';
`;

export function app(id: string, name: string, body: string, extra: Partial<AppDefinition> = {}): AppDefinition {
  return {
    id,
    name,
    classFile: `${name}.ts`,
    files: { [`${name}.ts`]: HEAD + body, ...(extra.files ?? {}) },
    enabled: true,
    ...extra,
    ...(extra.files ? { files: { [`${name}.ts`]: HEAD + body, ...extra.files } } : {}),
  };
}

/** Prevents creating rooms whose name contains a banned word. */
export const bannedWords = (id = 'banned', word = 'forbidden') =>
  app(
    id,
    'BannedWords',
    `export class BannedWords extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('checking', room.slugifiedName);
    return room.slugifiedName.includes('${word}');
  }
}`,
  );

/** A Prevent app that returns a fixed value. */
export const preventReturning = (id: string, name: string, value: string) =>
  app(
    id,
    name,
    `export class ${name} extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    return ${value};
  }
}`,
  );

export const extendCustomField = (id = 'extender') =>
  app(
    id,
    'Tagger',
    `import { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
export class Tagger extends App implements IPreRoomCreateExtend {
  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
    extend.addCustomField('team', 'blue');
    return extend.getRoom();
  }
}`,
  );

export const modifyRename = (id = 'renamer') =>
  app(
    id,
    'Renamer',
    `import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export class Renamer extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    const team = room.customFields?.team ?? 'none';
    builder.setSlugifiedName(room.slugifiedName + '-' + team);
    builder.setDisplayName('Team ' + team);
    const r = builder.getRoom();
    (r as any).description = 'set by Renamer';
    return r;
  }
}`,
  );

export const modifyReturningNothing = (id = 'forgetful') =>
  app(
    id,
    'Forgetful',
    `import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export class Forgetful extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<any> {
    builder.setDisplayName('lost change');
  }
}`,
  );

export const joinGuard = (id = 'guard') =>
  app(
    id,
    'JoinGuard',
    `import { UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';
export class JoinGuard extends App implements IPreRoomUserJoined {
  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    if (context.joiningUser.roles.includes('guest')) {
      throw new UserNotAllowedException('Guests may not join ' + context.room.slugifiedName);
    }
  }
}`,
  );

export const postCreateThrows = (id = 'crashy') =>
  app(
    id,
    'Crashy',
    `export class Crashy extends App implements IPostRoomCreate {
  async executePostRoomCreate(room: IRoom, read: IRead): Promise<void> {
    const again = await read.getRoomReader().getById(room.id);
    this.getLogger().info('room exists during Post create:', again !== undefined);
    throw new TypeError('boom in post');
  }
}`,
  );

export const loopsForever = (id = 'looper') =>
  app(
    id,
    'Looper',
    `export class Looper extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    if (room.slugifiedName === 'loop') { for (;;) {} }
    return false;
  }
}`,
  );

/** Has the execute method but not the `implements` entry: never called. */
export const noImplements = (id = 'silent') =>
  app(
    id,
    'Silent',
    `export class Silent extends App {
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    return true;
  }
}`,
  );

/** Welcome message on Post join, with a helper imported by relative path. */
export const welcome = (id = 'welcome') =>
  app(
    id,
    'Welcome',
    `import { welcomeText } from './lib/text';
export class Welcome extends App implements IPostRoomUserJoined {
  async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    const bot = await read.getUserReader().getAppUser();
    const msg = modify.getCreator().startMessage().setRoom(context.room).setText(welcomeText(context.joiningUser.username));
    if (bot) msg.setSender(bot);
    await modify.getCreator().finish(msg);
  }
}`,
    { files: { 'lib/text.ts': `export function welcomeText(username: string): string {\n  return 'Welcome, @' + username + '!';\n}\n` } },
  );

/** Extend: tags the room with customFields.team = ops (returns the extender's room). */
export const teamTagger = (id = 'tagger') =>
  app(
    id,
    'TeamTagger',
    `import { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
export class TeamTagger extends App implements IPreRoomCreateExtend {
  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
    extend.addCustomField('team', 'ops');
    return extend.getRoom();
  }
}`,
  );

/**
 * Modify: sets a display name on its builder, then returns a renamed copy. Lands differently under
 * each profile (spec §8): current applies the copy, deno-1.43 neither, legacy the builder change.
 */
export const copyRenamer = (id = 'renamer') =>
  app(
    id,
    'CopyRenamer',
    `import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export class CopyRenamer extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    const team = String(room.customFields?.team ?? 'none');
    builder.setDisplayName(team + ' (set on the builder)');
    return { ...builder.getRoom(), displayName: 'Team ' + team, slugifiedName: room.slugifiedName + '-' + team };
  }
}`,
  );
