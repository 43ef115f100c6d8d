import { describe, expect, it } from 'vitest';
import { ACCESSOR_OPS } from '../../protocol/runtime-protocol.ts';
import { bridges, dispatchAccessor } from './index.ts';
import { BridgeError } from './types.ts';
import { makeCtx, T0 } from './test-world.ts';

describe('notifier', () => {
  it('notifyUser: targeted at the user, room from the message, app user as default sender', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.notifier.notifyUser', [{ id: 'u-bob' }, { room: { id: 'r-general' }, text: 'psst', blocks: [{ t: 1 }] }]);
    const bot = ctx.world.userByUsername('welcome-bot.bot');
    expect(ctx.world.data.notifications).toEqual([
      {
        id: 'notification-1',
        appId: 'app-1',
        target: { kind: 'user', userId: 'u-bob' },
        roomId: 'r-general',
        senderId: bot?.id,
        text: 'psst',
        blocks: [{ t: 1 }],
        createdAt: T0,
      },
    ]);
    expect(ctx.world.data.messages).toEqual([]);
  });

  it('notifyRoom: targeted at the room; explicit sender kept; no room id = nothing', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.notifier.notifyRoom', [{ id: 'r-general' }, { room: { id: 'r-general' }, sender: { id: 'u-alice' }, text: 'all' }]);
    expect(ctx.world.data.notifications[0]).toMatchObject({ target: { kind: 'room', roomId: 'r-general' }, senderId: 'u-alice', text: 'all' });
    await dispatchAccessor(ctx, 'modify.notifier.notifyRoom', [{}, { room: { id: 'r-general' }, text: 'x' }]);
    expect(ctx.world.data.notifications).toHaveLength(1);
  });

  it('the message must name an existing room (RC converts it first)', async () => {
    const ctx = makeCtx();
    await expect(dispatchAccessor(ctx, 'modify.notifier.notifyUser', [{ id: 'u-bob' }, { text: 'x' }])).rejects.toThrow(
      'Invalid room provided on the message.',
    );
    await expect(dispatchAccessor(ctx, 'modify.notifier.notifyRoom', [{ id: 'r-general' }, { room: { id: 'gone' } }])).rejects.toThrow(
      'Invalid room provided on the message.',
    );
  });
});

describe('dispatchAccessor', () => {
  it('has one handler per AccessorOp', () => {
    expect(Object.keys(bridges).sort()).toEqual([...ACCESSOR_OPS].sort());
  });

  it('unknown op and unsupported accessors throw BridgeError', async () => {
    const ctx = makeCtx();
    await expect(dispatchAccessor(ctx, 'room.explode', [])).rejects.toThrow(new BridgeError('Unknown accessor operation "room.explode".'));
    await expect(dispatchAccessor(ctx, 'toString', [])).rejects.toBeInstanceOf(BridgeError);
    const err = await dispatchAccessor(ctx, 'unsupported', ['read.getLivechatReader().getLivechatRooms']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BridgeError);
    expect((err as Error).name).toBe('Error');
    expect((err as Error).message).toMatch(/^read\.getLivechatReader\(\)\.getLivechatRooms is not simulated by hookscope/);
  });

  it('returns plain values (promises awaited)', async () => {
    const ctx = makeCtx();
    expect(await dispatchAccessor(ctx, 'persistence.create', [{ a: 1 }, null])).toBe('record-1');
    expect(await dispatchAccessor(ctx, 'room.getById', ['r-general'])).toMatchObject({ id: 'r-general' });
  });
});
