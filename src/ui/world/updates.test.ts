import { describe, expect, it } from 'vitest';
import {
  putRecord,
  addRecord,
  deleteMock,
  deleteRecord,
  deleteRoom,
  deleteUser,
  moveMock,
  putMock,
  resetSetting,
  setRecordData,
  setServerSetting,
  setSettingValue,
  upsertUser,
} from './updates.ts';
import { sampleWorld } from './sample-world.ts';

describe('world updates', () => {
  it('never mutates the input', () => {
    const w = sampleWorld();
    const before = structuredClone(w);
    upsertUser(w, { ...w.users[1]!, name: 'Bobby' });
    deleteUser(w, 'u2');
    deleteRoom(w, 'r1');
    setRecordData(w, 'app1', 'p1', { count: 2 });
    setSettingValue(w, 'app1', 'greeting', 'yo');
    moveMock(w, 0, 1);
    expect(w).toEqual(before);
  });

  it('refuses to delete a room creator, naming the rooms', () => {
    const r = deleteUser(sampleWorld(), 'u1');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Cannot delete "alice": they created room "general"') });
  });

  it('deleting a user drops their memberships', () => {
    const r = deleteUser(sampleWorld(), 'u2');
    expect(r.ok && r.world.rooms[0]!.memberIds).toEqual(['u1']);
    expect(r.ok && r.world.users.map((u) => u.username)).toEqual(['alice', 'carol']);
  });

  it('deleting a room drops its messages', () => {
    expect(deleteRoom(sampleWorld(), 'r1').messages).toEqual([]);
  });

  it('persistence records: add (unique id), edit, delete', () => {
    const w = sampleWorld();
    expect(addRecord(w, 'app1', { id: 'p1', data: 1, associations: [] })).toMatchObject({ ok: false });
    const added = addRecord(w, 'app2', { id: 'x', data: 1, associations: [] });
    expect(added.ok && added.world.persistence['app2']).toHaveLength(1);
    expect(setRecordData(w, 'app1', 'p1', [1]).persistence['app1']![0]!.data).toEqual([1]);
    expect(deleteRecord(w, 'app1', 'p1').persistence['app1']).toEqual([]);
    const put = putRecord(w, 'app1', { id: 'p1', data: 2, associations: [{ model: 'user', id: 'u1' }] });
    expect(put.persistence['app1']).toEqual([{ id: 'p1', data: 2, associations: [{ model: 'user', id: 'u1' }] }]);
  });

  it('settings: override and reset to the package value', () => {
    const set = setSettingValue(sampleWorld(), 'app1', 'greeting', 'yo');
    expect(set.settings['app1']!['greeting']!.value).toBe('yo');
    expect('value' in resetSetting(set, 'app1', 'greeting').settings['app1']!['greeting']!).toBe(false);
    expect(setServerSetting(set, 'Site_Name', 'X').serverSettings['Site_Name']).toBe('X');
  });

  it('mocks: add, replace, delete, reorder within bounds', () => {
    const w = sampleWorld();
    const m = { method: 'POST', url: 'x', status: 201 };
    expect(putMock(w, null, m).httpMocks[2]).toEqual(m);
    expect(putMock(w, 0, m).httpMocks[0]).toEqual(m);
    expect(deleteMock(w, 0).httpMocks).toHaveLength(1);
    expect(moveMock(w, 1, -1).httpMocks.map((x) => x.status)).toEqual([404, 200]);
    expect(moveMock(w, 0, -1)).toBe(w);
  });
});
