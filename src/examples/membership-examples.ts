/** Join and leave examples (spec §4 Pre/Post join and leave, §7 membership paths). */
import { EXCEPTIONS_IMPORT, exampleWorld, ROOMS_IMPORT, source, type Example } from './types.ts';

export const guestBlocked: Example = {
  id: 'guest-blocked',
  title: 'A guest is blocked from joining',
  explanation: 'Pre join reads no return value: only throwing UserNotAllowedException blocks, and the user sees its message. Invited by alice, the guest gets in. (This world lets guests see channels: with Rocket.Chat\'s defaults a guest lacks view-c-room and is refused before any app runs.)',
  interfaces: ['IPreRoomUserJoined'],
  answerIncludes: { 0: 'Guests need an invitation' },
  scenario: {
    description: 'No Guests throws UserNotAllowedException when a guest joins on their own; with an inviter the join completes.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'no-guests',
        name: 'No Guests',
        source: source([EXCEPTIONS_IMPORT, ROOMS_IMPORT('IPreRoomUserJoined', 'IRoomUserJoinedContext')], `
export class NoGuestsApp extends App implements IPreRoomUserJoined {
    public async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
        if (context.joiningUser.roles.includes('guest') && !context.inviter) {
            throw new UserNotAllowedException('Guests need an invitation to join #' + context.room.slugifiedName);
        }
    }
}`),
      },
    ],
    ...exampleWorld(),
    // Rocket.Chat's default view-c-room roles, plus guest (spec §7.1): otherwise the host refuses first.
    permissions: { 'view-c-room': ['admin', 'user', 'federated-external', 'bot', 'app', 'anonymous', 'guest'] },
    steps: [
      { action: 'joinRoom', room: 'general', user: 'gus', expect: { outcome: 'prevented', errorCode: 'error-app-prevented' } },
      { action: 'joinRoom', room: 'general', user: 'gus', inviter: 'alice', expect: { outcome: 'completed', errorCode: null } },
    ],
  },
};

export const welcomeOnJoin: Example = {
  id: 'welcome-on-join',
  title: 'A welcome message on Post join',
  explanation: 'After a user joins, Post join posts a welcome message through modify; the host does not wait for it.',
  interfaces: ['IPostRoomUserJoined'],
  scenario: {
    description: 'Welcome greets each user who joins a channel or private group.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'welcome',
        name: 'Welcome',
        source: source([ROOMS_IMPORT('IPostRoomUserJoined', 'IRoomUserJoinedContext')], `
export class WelcomeApp extends App implements IPostRoomUserJoined {
    public async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const text = 'Welcome to #' + context.room.slugifiedName + ', @' + context.joiningUser.username + '!';
        await modify.getCreator().finish(modify.getCreator().startMessage().setRoom(context.room).setText(text));
    }
}`),
      },
    ],
    ...exampleWorld([{ id: 'r-random', slugifiedName: 'random', type: 'c', creator: 'alice', members: [] }]),
    steps: [{ action: 'joinRoom', room: 'random', user: 'bob', expect: { outcome: 'completed', errorCode: null } }],
  },
};

export const leaveRules: Example = {
  id: 'leave-rules',
  title: 'Pre leave blocks, Post leave is awaited',
  explanation: 'Pre leave keeps users in the default room by throwing UserNotAllowedException; elsewhere the user leaves and the host waits for Post leave\'s goodbye.',
  interfaces: ['IPreRoomUserLeave', 'IPostRoomUserLeave'],
  answerIncludes: { 0: 'is a default room' },
  scenario: {
    description: 'Stay (Pre leave) blocks leaving #general, a default room; Goodbye (Post leave) posts a message, and the leave completes only after it.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'stay',
        name: 'Stay',
        source: source([EXCEPTIONS_IMPORT, ROOMS_IMPORT('IPreRoomUserLeave', 'IRoomUserLeaveContext')], `
export class StayApp extends App implements IPreRoomUserLeave {
    public async executePreRoomUserLeave(context: IRoomUserLeaveContext): Promise<void> {
        if (context.room.isDefault && !context.removedBy) {
            throw new UserNotAllowedException('#' + context.room.slugifiedName + ' is a default room: ask an admin to remove you');
        }
    }
}`),
      },
      {
        id: 'goodbye',
        name: 'Goodbye',
        source: source([ROOMS_IMPORT('IPostRoomUserLeave', 'IRoomUserLeaveContext')], `
export class GoodbyeApp extends App implements IPostRoomUserLeave {
    public async executePostRoomUserLeave(context: IRoomUserLeaveContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const text = '@' + context.leavingUser.username + ' left. Goodbye!';
        await modify.getCreator().finish(modify.getCreator().startMessage().setRoom(context.room).setText(text));
    }
}`),
      },
    ],
    ...exampleWorld(),
    steps: [
      { action: 'leaveRoom', room: 'general', user: 'carol', expect: { outcome: 'prevented', errorCode: 'error-app-prevented' } },
      { action: 'leaveRoom', room: 'team', user: 'bob', expect: { outcome: 'completed', errorCode: null } },
    ],
  },
};

/** Spec §4 / §5, verified on the real Apps-Engine 1.62: an AppsEngineException without a message. */
export const exceptionWithoutMessage: Example = {
  id: 'exception-without-message',
  title: 'The exception without a message',
  explanation:
    'throw new UserNotAllowedException() with no message does NOT block on Rocket.Chat 7.5 - 8.7 (Deno): the runtime cannot send it back, the call hangs until the timeout and the join goes ahead; on 8.8 and later (Node) it blocks with an empty message. Try Compare versions.',
  interfaces: ['IPreRoomUserJoined'],
  scenario: {
    description: 'Gate throws UserNotAllowedException() without a message for everyone but alice (RocketChat/Apps.teams.bridge does this). Timeout shortened to 2 s.',
    profile: 'rc-7.5-8.7',
    timeoutMs: 2000,
    apps: [
      {
        id: 'gate',
        name: 'Gate',
        source: source([EXCEPTIONS_IMPORT, ROOMS_IMPORT('IPreRoomUserJoined', 'IRoomUserJoinedContext')], `
export class GateApp extends App implements IPreRoomUserJoined {
    public async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
        if (context.joiningUser.username !== 'alice') {
            // No message: on the Deno runtime this error can never be sent back.
            throw new UserNotAllowedException();
        }
    }
}`),
      },
    ],
    ...exampleWorld([{ id: 'r-random', slugifiedName: 'random', type: 'c', creator: 'alice', members: [] }]),
    steps: [{ action: 'joinRoom', room: 'random', user: 'bob', expect: { outcome: 'completed', errorCode: null } }],
  },
};

/** Spec §7.1: the kick path (RC removeUserFromRoomMethod) and the permissions it checks. */
export const whoMayKickWhom: Example = {
  id: 'who-may-kick-whom',
  title: 'Who may kick whom',
  explanation:
    'Kicking needs remove-user (admin, or owner / moderator of the room); kick-user-from-any-c-room (admin) skips the membership check, so an admin "kicking" a non-member fires both leave events; an admin outside a private group gets error-room-not-found.',
  interfaces: ['IPreRoomUserLeave', 'IPostRoomUserLeave'],
  scenario: {
    description: 'Leave Log logs every Pre/Post leave with who removed whom. carol moderates #general; alice is admin but not in #secret.',
    timeoutMs: 5000,
    apps: [
      {
        id: 'leave-log',
        name: 'Leave Log',
        source: source([ROOMS_IMPORT('IPreRoomUserLeave', 'IPostRoomUserLeave', 'IRoomUserLeaveContext')], `
export class LeaveLogApp extends App implements IPreRoomUserLeave, IPostRoomUserLeave {
    public async executePreRoomUserLeave(context: IRoomUserLeaveContext): Promise<void> {
        this.getLogger().info('pre leave ' + context.leavingUser.username + ' by ' + (context.removedBy ? context.removedBy.username : 'themselves'));
    }
    public async executePostRoomUserLeave(context: IRoomUserLeaveContext): Promise<void> {
        this.getLogger().info('post leave ' + context.leavingUser.username + ' by ' + (context.removedBy ? context.removedBy.username : 'themselves'));
    }
}`),
      },
    ],
    users: exampleWorld().users,
    rooms: [
      { id: 'r-general', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['bob', 'carol'], moderators: ['carol'], isDefault: true },
      { id: 'r-secret', slugifiedName: 'secret', type: 'p', creator: 'bob', members: ['carol'] },
    ],
    steps: [
      { action: 'leaveRoom', room: 'general', user: 'carol', removedBy: 'bob', expect: { outcome: 'failed', errorCode: 'error-not-allowed' } },
      { action: 'leaveRoom', room: 'general', user: 'bob', removedBy: 'carol', expect: { outcome: 'completed', errorCode: null } },
      { action: 'leaveRoom', room: 'general', user: 'gus', removedBy: 'alice', expect: { outcome: 'completed', errorCode: null } },
      { action: 'leaveRoom', room: 'secret', user: 'carol', removedBy: 'alice', expect: { outcome: 'failed', errorCode: 'error-room-not-found' } },
    ],
  },
};
