import { describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { makeCtx } from './test-world.ts';

const ROOM = (id: string) => ({ model: 'room', id });
const USER = (id: string) => ({ model: 'user', id });
const MISC = (id: string) => ({ model: 'misc', id });

describe('persistence', () => {
  it('create stores a deep copy and returns the new id; read returns a copy', async () => {
    const ctx = makeCtx();
    const data = { welcome: 'hi', nested: { n: 1 }, when: new Date(5) };
    const id = await dispatchAccessor(ctx, 'persistence.create', [data, null]);
    expect(id).toBe('record-1');
    data.nested.n = 2;
    const read = (await dispatchAccessor(ctx, 'persistence.read', ['record-1'])) as typeof data;
    expect(read).toEqual({ welcome: 'hi', nested: { n: 1 }, when: new Date(5) });
    read.welcome = 'changed';
    expect(ctx.world.records('app-1')[0]).toEqual({ id: 'record-1', data: { welcome: 'hi', nested: { n: 1 }, when: new Date(5) }, associations: [] });
    expect(await dispatchAccessor(ctx, 'persistence.read', ['nope'])).toBeUndefined();
  });

  it('rejects non-object data verbatim (null passes, as in RC)', async () => {
    const ctx = makeCtx();
    const msg = 'Attempted to store an invalid data type, it must be an object.';
    await expect(dispatchAccessor(ctx, 'persistence.create', ['text', null])).rejects.toThrow(msg);
    await expect(dispatchAccessor(ctx, 'persistence.updateByAssociations', [[ROOM('r')], 5, true])).rejects.toThrow(msg);
    expect(await dispatchAccessor(ctx, 'persistence.create', [null, null])).toBe('record-1');
  });

  it('readByAssociations matches records carrying ALL associations, in any order', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 1 }, [ROOM('r1'), USER('u1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 2 }, [ROOM('r1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 3 }, [USER('u1'), ROOM('r1'), MISC('x')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 4 }, null]);
    const read = (assoc: unknown) => dispatchAccessor(ctx, 'persistence.readByAssociations', [assoc]);
    expect(await read([ROOM('r1')])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await read([USER('u1'), ROOM('r1')])).toEqual([{ n: 1 }, { n: 3 }]);
    expect(await read([ROOM('r1'), MISC('x')])).toEqual([{ n: 3 }]);
    expect(await read([ROOM('r2')])).toEqual([]);
    expect(await read([{ model: 'user', id: 'r1' }])).toEqual([]);
    expect(await read([])).toEqual([]);
  });

  it('records are per app for association queries; read(id) is not filtered by app', async () => {
    const ctx1 = makeCtx();
    await dispatchAccessor(ctx1, 'persistence.create', [{ mine: true }, [ROOM('r1')]]);
    const ctx2 = { ...ctx1, appId: 'app-2' };
    expect(await dispatchAccessor(ctx2, 'persistence.readByAssociations', [[ROOM('r1')]])).toEqual([]);
    expect(await dispatchAccessor(ctx2, 'persistence.read', ['record-1'])).toEqual({ mine: true });
    expect(await dispatchAccessor(ctx2, 'persistence.remove', ['record-1'])).toBeUndefined();
    expect(ctx1.world.records('app-1')).toHaveLength(1);
  });

  it('update(id) always throws "Not implemented." as in RC', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'persistence.create', [{ a: 1 }, null]);
    await expect(dispatchAccessor(ctx, 'persistence.update', ['record-1', { a: 2 }, false])).rejects.toThrow('Not implemented.');
    await expect(dispatchAccessor(ctx, 'persistence.update', ['nope', { a: 2 }, true])).rejects.toThrow('Not implemented.');
  });

  it('updateByAssociations: exact association list, first record only; upsert inserts', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'persistence.create', [{ v: 1 }, [ROOM('r1'), USER('u1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ v: 2 }, [ROOM('r1'), USER('u1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ v: 3 }, [ROOM('r1')]]);
    // exact match: first record only, returns ''
    expect(await dispatchAccessor(ctx, 'persistence.updateByAssociations', [[ROOM('r1'), USER('u1')], { v: 10 }, false])).toBe('');
    expect(ctx.world.records('app-1').map((r) => r.data)).toEqual([{ v: 10 }, { v: 2 }, { v: 3 }]);
    // a subset or another order is not an exact match: nothing without upsert
    expect(await dispatchAccessor(ctx, 'persistence.updateByAssociations', [[USER('u1'), ROOM('r1')], { v: 20 }, false])).toBe('');
    expect(ctx.world.records('app-1')).toHaveLength(3);
    // upsert creates a record with those associations and returns its id
    expect(await dispatchAccessor(ctx, 'persistence.updateByAssociations', [[USER('u9')], { v: 30 }, true])).toBe('record-4');
    expect(ctx.world.records('app-1')[3]).toEqual({ id: 'record-4', data: { v: 30 }, associations: [USER('u9')] });
    expect(await dispatchAccessor(ctx, 'persistence.readByAssociations', [[USER('u9')]])).toEqual([{ v: 30 }]);
  });

  it('remove returns the data or undefined; removeByAssociations returns datas or undefined', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 1 }, [ROOM('r1'), USER('u1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 2 }, [ROOM('r1')]]);
    await dispatchAccessor(ctx, 'persistence.create', [{ n: 3 }, [ROOM('r2')]]);
    expect(await dispatchAccessor(ctx, 'persistence.remove', ['record-3'])).toEqual({ n: 3 });
    expect(await dispatchAccessor(ctx, 'persistence.remove', ['record-3'])).toBeUndefined();
    expect(await dispatchAccessor(ctx, 'persistence.removeByAssociations', [[USER('u1'), ROOM('r1')]])).toEqual([{ n: 1 }]);
    expect(await dispatchAccessor(ctx, 'persistence.removeByAssociations', [[ROOM('r9')]])).toBeUndefined();
    expect(await dispatchAccessor(ctx, 'persistence.removeByAssociations', [[ROOM('r1')]])).toEqual([{ n: 2 }]);
    expect(ctx.world.records('app-1')).toEqual([]);
  });
});
