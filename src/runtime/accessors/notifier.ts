/**
 * INotifier (one per accessor set: `read.getNotifier()` and `modify.getNotifier()` are the same
 * object). Follows RC packages/apps-engine/deno-runtime/lib/accessors/notifier.ts: a message
 * without `sender.id` is sent as the app user.
 */
import type { IMessageBuilder, INotifier, ITypingOptions } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { MessageBuilder } from './message-builder.ts';
import type { RequestFn } from './types.ts';

/** The calling app's bot user ('user.getAppUser' with null = this app), or undefined. */
export async function appUser(request: RequestFn): Promise<IUser | undefined> {
  return ((await request('user.getAppUser', [null])) ?? undefined) as IUser | undefined;
}

export function createNotifier(request: RequestFn): INotifier {
  const withSender = async (message: IMessage): Promise<IMessage> => {
    if (!message.sender?.id) message.sender = (await appUser(request)) as IUser;
    return message;
  };
  return {
    notifyUser: async (user, message) => {
      await request('modify.notifier.notifyUser', [user, await withSender(message)]);
    },
    notifyRoom: async (room, message) => {
      await request('modify.notifier.notifyRoom', [room, await withSender(message)]);
    },
    /**
     * A typing indicator has no lasting effect on the simulated world: accepted and ignored
     * (resolves with the stop function, as the real one does), instead of failing the handler.
     */
    typing: async (options: ITypingOptions) => {
      options.scope ??= 'room' as NonNullable<ITypingOptions['scope']>;
      return async () => undefined;
    },
    getMessageBuilder: (): IMessageBuilder => new MessageBuilder(),
  };
}
