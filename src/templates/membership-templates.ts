/** Templates for the four membership events (spec §4: Pre/Post join, Pre/Post leave). */
import { template, type AppTemplate } from './types.ts';

const HEAD = `import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';`;

export const preJoin: AppTemplate = template({
  id: 'pre-room-user-joined',
  label: 'Before a user joins',
  interfaceName: 'IPreRoomUserJoined',
  description: 'Keeps guests out of rooms unless someone invites them.',
  classFile: 'NoGuestsApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000007',
  name: 'No Guests',
  source: `${HEAD}
import { UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';
import { IPreRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPreRoomUserJoined: Rocket.Chat reads no return value. To stop the user from joining, throw
 * an AppsEngineException such as UserNotAllowedException: the join fails with
 * \`error-app-prevented\` and your exception's message. Any other error is swallowed and the
 * user joins anyway.
 */
export class NoGuestsApp extends App implements IPreRoomUserJoined {
    public async executePreRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
        const { joiningUser, inviter, room } = context;
        if (joiningUser.roles.includes('guest') && !inviter) {
            throw new UserNotAllowedException(\`Guests need an invitation to join #\${room.slugifiedName}\`);
        }
    }
}
`,
});

export const postJoin: AppTemplate = template({
  id: 'post-room-user-joined',
  label: 'After a user joins',
  interfaceName: 'IPostRoomUserJoined',
  description: 'Greets each user who joins a room.',
  classFile: 'WelcomeUsersApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000008',
  name: 'Welcome Users',
  source: `${HEAD}
import { IPostRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPostRoomUserJoined runs after the user is in the room (channels and private groups only).
 * Rocket.Chat does not wait for it and ignores its return value.
 */
export class WelcomeUsersApp extends App implements IPostRoomUserJoined {
    public async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const text = \`Welcome, @\${context.joiningUser.username}!\`;
        const message = modify.getCreator().startMessage().setRoom(context.room).setText(text);
        const bot = await read.getUserReader().getAppUser();
        if (bot) {
            message.setSender(bot);
        }
        await modify.getCreator().finish(message);
    }
}
`,
});

export const preLeave: AppTemplate = template({
  id: 'pre-room-user-leave',
  label: 'Before a user leaves',
  interfaceName: 'IPreRoomUserLeave',
  description: 'Stops users from leaving default rooms on their own.',
  classFile: 'StayInDefaultRoomsApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000009',
  name: 'Stay In Default Rooms',
  source: `${HEAD}
import { UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';
import { IPreRoomUserLeave, IRoomUserLeaveContext } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPreRoomUserLeave: like Pre join, no return value is read. Throwing an AppsEngineException
 * (here UserNotAllowedException) stops the leave with \`error-app-prevented\` and its message;
 * any other error is swallowed and the user leaves.
 */
export class StayInDefaultRoomsApp extends App implements IPreRoomUserLeave {
    public async executePreRoomUserLeave(context: IRoomUserLeaveContext, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
        const { leavingUser, removedBy, room } = context;
        if (room.isDefault && !removedBy) {
            throw new UserNotAllowedException(\`@\${leavingUser.username}, #\${room.slugifiedName} is a default room: ask an admin to remove you\`);
        }
    }
}
`,
});

export const postLeave: AppTemplate = template({
  id: 'post-room-user-leave',
  label: 'After a user leaves',
  interfaceName: 'IPostRoomUserLeave',
  description: 'Tells the room when someone leaves.',
  classFile: 'GoodbyeApp.ts',
  appId: '0b6a8f3e-2c1d-4e5f-8a9b-000000000010',
  name: 'Goodbye',
  source: `${HEAD}
import { IPostRoomUserLeave, IRoomUserLeaveContext } from '@rocket.chat/apps-engine/definition/rooms';

/**
 * IPostRoomUserLeave runs after the user has left. Rocket.Chat waits for it (the leave request
 * completes after every app) but ignores its return value; a generic error is only logged.
 */
export class GoodbyeApp extends App implements IPostRoomUserLeave {
    public async executePostRoomUserLeave(context: IRoomUserLeaveContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const who = context.removedBy ? \`was removed by @\${context.removedBy.username}\` : 'left';
        const message = modify.getCreator().startMessage()
            .setRoom(context.room)
            .setText(\`@\${context.leavingUser.username} \${who}.\`);
        const bot = await read.getUserReader().getAppUser();
        if (bot) {
            message.setSender(bot);
        }
        await modify.getCreator().finish(message);
    }
}
`,
});
