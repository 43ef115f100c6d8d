import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata/RocketChatAssociations.js';
import { describe, expect, it } from 'vitest';
import { fakeRequest } from './fake-request.ts';
import { createPersistence, toAssociation } from './persistence.ts';

const room = new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, 'r1');
const misc = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'cfg');

describe('IPersistence', () => {
  it('sends the exact op and arguments', async () => {
    const f = fakeRequest();
    const p = createPersistence(f.request);
    await p.create({ a: 1 });
    await p.createWithAssociation({ b: 2 }, room);
    await p.createWithAssociations({ c: 3 }, [room, misc]);
    await p.update('id1', { d: 4 });
    await p.update('id1', { d: 5 }, true);
    await p.updateByAssociation(room, { e: 6 });
    await p.updateByAssociation(room, { e: 7 }, true);
    await p.updateByAssociations([room, misc], { f: 8 });
    await p.remove('id1');
    await p.removeByAssociation(misc);
    await p.removeByAssociations([room, { model: 'user', id: 'u1' } as never]);
    const R = { model: 'room', id: 'r1' };
    const M = { model: 'misc', id: 'cfg' };
    expect(f.calls).toEqual([
      ['persistence.create', [{ a: 1 }, []]],
      ['persistence.create', [{ b: 2 }, [R]]],
      ['persistence.create', [{ c: 3 }, [R, M]]],
      ['persistence.update', ['id1', { d: 4 }, false]],
      ['persistence.update', ['id1', { d: 5 }, true]],
      ['persistence.updateByAssociations', [[R], { e: 6 }, false]],
      ['persistence.updateByAssociations', [[R], { e: 7 }, true]],
      ['persistence.updateByAssociations', [[R, M], { f: 8 }, false]],
      ['persistence.remove', ['id1']],
      ['persistence.removeByAssociations', [[M]]],
      ['persistence.removeByAssociations', [[R, { model: 'user', id: 'u1' }]]],
    ]);
  });

  it('returns the host answers (new id, removed records)', async () => {
    const f = fakeRequest();
    f.answer('persistence.create', 'rec-1');
    f.answer('persistence.removeByAssociations', [{ a: 1 }]);
    const p = createPersistence(f.request);
    expect(await p.create({})).toBe('rec-1');
    expect(await p.removeByAssociation(room)).toEqual([{ a: 1 }]);
  });

  it('rejects a missing association with a TypeError before calling the host', async () => {
    const f = fakeRequest();
    const p = createPersistence(f.request);
    await expect(p.createWithAssociation({}, undefined as never)).rejects.toThrow(TypeError);
    expect(f.calls).toEqual([]);
    expect(toAssociation({ model: 'room', id: 'x' })).toEqual({ model: 'room', id: 'x' });
  });
});
