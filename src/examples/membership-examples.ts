/** Join and leave examples (spec §4 Pre/Post join and leave, §7 membership paths). */
import { EXCEPTIONS_IMPORT, exampleWorld, ROOMS_IMPORT, source, type Example } from './types.ts';

export const guestBlocked: Example = {
  id: 'guest-blocked',
  title: 'A guest is blocked from joining',
  explanation: 'Pre join reads no return value: only throwing UserNotAllowedException blocks, and the user sees its message. Invited by alice, the guest gets in.',
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
