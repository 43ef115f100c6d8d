/**
 * Spec §4 (Extend then Modify, chained) and §6 (what Extend/Modify can change: the mapped fields,
 * IRoomExtender, IRoomBuilder).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, callEnds, logLines, mergeOf } from '../test-support/apps-more.ts';
import { calls, makeEngine, skipped } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const extendApp = (id: string, name: string, body: string, check?: string) =>
  appClass(
    id,
    name,
    ['IPreRoomCreateExtend'],
    `${check ? `  async checkPreRoomCreateExtend(room: IRoom): Promise<boolean> {\n${check}\n  }\n` : ''}  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender, read: IRead): Promise<any> {
${body}
  }`,
  );

const modifyApp = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomCreateModify'],
    `  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder, read: IRead): Promise<any> {
${body}
  }`,
  );

describe('spec §4: Extend -> Modify chain', () => {
  it("(§4) Extend's returned room replaces the room for the next app's check and execute", async () => {
    engine = await makeEngine([
      extendApp('first', 'First', `    extend.addCustomField('stage', 'one');\n    return extend.getRoom();`),
      extendApp(
        'second',
        'Second',
        `    this.getLogger().info('execute sees ' + JSON.stringify(room.customFields));\n    return { ...extend.getRoom(), customFields: { ...room.customFields, second: true } };`,
        `    this.getLogger().info('check sees ' + JSON.stringify(room.customFields));\n    return true;`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'chain', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['check sees {"stage":"one"}', 'execute sees {"stage":"one"}']);
    expect(engine.world.roomById(r.roomId as string)?.customFields).toEqual({ stage: 'one', second: true });
  });

  it("(§4) Modify gets Extend's final output; its builder changes are applied", async () => {
    engine = await makeEngine([
      modifyApp(
        'mod',
        'Mod',
        `    this.getLogger().info('modify sees ' + JSON.stringify(room.customFields) + ' ' + JSON.stringify(builder.getCustomFields()));\n    builder.setDisplayName('Tagged ' + room.customFields?.tag);\n    return builder.getRoom();`,
      ),
      extendApp('ext', 'Ext', `    extend.addCustomField('tag', 'x1');\n    return extend.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'mod-in', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['ext', 'executePreRoomCreateExtend', 'returned'],
      ['mod', 'executePreRoomCreateModify', 'returned'],
    ]);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['modify sees {"tag":"x1"} {"tag":"x1"}']);
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.displayName).toBe('Tagged x1');
    expect(room?.customFields).toEqual({ tag: 'x1' });
  });

  it('(§4) mutating the extender without returning its room breaks the chain: nothing is applied', async () => {
    engine = await makeEngine([
      extendApp('noret', 'NoReturn', `    extend.addCustomField('lost', 1);`),
      modifyApp('mod', 'Mod', `    builder.setDisplayName('never');\n    return builder.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'noret', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['noret', 'executePreRoomCreateExtend', 'returned'],
      ['mod', 'executePreRoomCreateModify', 'invalid-params'],
    ]);
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.customFields).toBeUndefined();
    expect(room?.displayName).toBe('noret');
    expect(mergeOf(engine.trace.events, r.runId).chainBroken).toBe(true);
  });

  it('(§4) a truthy non-room value is handed on as itself: the next Room has no fields, a builder setter on it throws (as the real runtime)', async () => {
    engine = await makeEngine([
      extendApp('yes', 'Yes', `    return true;`),
      extendApp(
        'sees',
        'Sees',
        `    this.getLogger().info('sees ' + typeof room + ' ' + JSON.stringify(room) + ' value=' + JSON.stringify((room as any).value?.id ?? null));\n    return 7;`,
      ),
      modifyApp('mod', 'Mod', `    builder.setDisplayName('never');\n    return builder.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'truthy', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['yes', 'executePreRoomCreateExtend', 'returned'],
      ['sees', 'executePreRoomCreateExtend', 'returned'],
      ['mod', 'executePreRoomCreateModify', 'threw'],
    ]);
    // The Room over `true` copies no field; its `value` getter answers undefined fields.
    expect(logLines(engine.trace.events, r.runId)).toEqual(['sees object {} value=null']);
    expect(engine.world.roomById(r.roomId as string)?.displayName).toBe('truthy');
  });

  it('(§4) an Extend that returns false breaks the chain like returning nothing: the next app gets invalid params', async () => {
    engine = await makeEngine([
      extendApp('no', 'No', `    return false;`),
      modifyApp('mod', 'Mod', `    builder.setDisplayName('never');\n    return builder.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'falsy', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['no', 'executePreRoomCreateExtend', 'returned'],
      ['mod', 'executePreRoomCreateModify', 'invalid-params'],
    ]);
    expect(mergeOf(engine.trace.events, r.runId).chainBroken).toBe(true);
  });

  it('(§4) an Extend that throws a generic error breaks the chain: later apps are refused, nothing applied, the room is still created', async () => {
    engine = await makeEngine([
      extendApp('ok', 'Ok', `    extend.addCustomField('kept', false);\n    return extend.getRoom();`),
      extendApp('bad', 'Bad', `    throw new Error('extend failed');`),
      extendApp('late', 'Late', `    return extend.getRoom();`, `    return true;`),
      modifyApp('mod', 'Mod', `    builder.setDisplayName('never');\n    return builder.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'broken-chain', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['ok', 'executePreRoomCreateExtend', 'returned'],
      ['bad', 'executePreRoomCreateExtend', 'threw'],
      ['late', 'checkPreRoomCreateExtend', 'invalid-params'],
      ['mod', 'executePreRoomCreateModify', 'invalid-params'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['late', 'IPreRoomCreateExtend', 'chain-broken']]);
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.customFields).toBeUndefined();
    expect(room?.displayName).toBe('broken-chain');
    const merge = mergeOf(engine.trace.events, r.runId);
    expect([merge.chainBroken, merge.applied, merge.dropped]).toEqual([true, [], []]);
  });

  it('(§4, Deno-era profile) an Extend returning the Room argument itself keeps the chain going: the next app still sees the members; nothing changes', async () => {
    engine = await makeEngine(
      [
        extendApp('same', 'Same', `    return room;`),
        extendApp(
          'next',
          'Next',
          `    this.getLogger().info(JSON.stringify(room.usernames) + ' ' + room.slugifiedName + ' ' + (room.createdAt instanceof Date));\n    return room;`,
        ),
        modifyApp('mod', 'Mod', `    this.getLogger().info('modify ' + JSON.stringify(room.usernames));\n    return room;`),
      ],
      { profile: 'current' },
    );
    const r = await engine.run({ action: 'createRoom', name: 'itself', type: 'c', creator: 'alice', members: ['bob'] });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId).map((c) => c[2])).toEqual(['returned', 'returned', 'returned']);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['["alice","bob"] itself true', 'modify ["alice","bob"]']);
    const merge = mergeOf(engine.trace.events, r.runId);
    expect([merge.chainBroken, merge.applied, merge.dropped]).toEqual([false, [], []]);
    expect(engine.world.roomById(r.roomId as string)?.memberIds).toEqual(['u-alice', 'u-bob']);
  });

  it('(§3, Deno-era profile) a Room handed back carries its unset fields as null: the next builder.addCustomField throws on customFields null, as the real runtime (fidelity batch 1, pipeline 35)', async () => {
    engine = await makeEngine(
      [
        extendApp('same', 'Same', `    return room;`),
        modifyApp('mod', 'Mod', `    builder.setDisplayName('Built');\n    builder.addCustomField('mod', 1 as any);\n    return builder.getRoom();`),
      ],
      { profile: 'current' },
    );
    const r = await engine.run({ action: 'createRoom', name: 'nullfields', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId).map((c) => c[2])).toEqual(['returned', 'threw']);
    expect(engine.world.roomById(r.roomId as string)?.displayName).toBe('nullfields');
  });

  it('(§5) an Extend that times out breaks the chain like a generic error', async () => {
    engine = await makeEngine(
      [
        extendApp('ok', 'Ok', `    extend.addCustomField('kept', 1);\n    return extend.getRoom();`),
        extendApp('hang', 'Hang', `    await new Promise(() => {});`),
      ],
      { timeoutMs: 400 },
    );
    const r = await engine.run({ action: 'createRoom', name: 'timeout-chain', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['ok', 'executePreRoomCreateExtend', 'returned'],
      ['hang', 'executePreRoomCreateExtend', 'timed-out'],
    ]);
    expect(engine.world.roomById(r.roomId as string)?.customFields).toBeUndefined();
  });

  it('(§5) an AppsEngineException in Modify propagates: unmapped, the room is not created', async () => {
    engine = await makeEngine([modifyApp('aee', 'Aee', `    throw new AppsEngineException('no modify');`)]);
    const r = await engine.run({ action: 'createRoom', name: 'mod-aee', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'AppsEngineException', message: 'no modify', unmapped: true });
    expect(engine.world.roomByName('mod-aee')).toBeUndefined();
  });
});

describe('spec §6: what Extend/Modify can change', () => {
  it('(§6) description and teamId are dropped; isReadOnly, isDefault and customFields are applied', async () => {
    engine = await makeEngine([
      modifyApp(
        'mod',
        'Mod',
        `    builder.setReadOnly(true);\n    builder.setDefault(true);\n    builder.addCustomField('a.b', 1);\n    return { ...builder.getRoom(), description: 'about', teamId: 'team-1', isTeamMain: true };`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'mapped', type: 'c', creator: 'alice', description: 'original' });
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.description).toBe('original');
    expect(room?.teamId).toBeUndefined();
    expect(room?.isTeamMain).toBeUndefined();
    expect([room?.isReadOnly, room?.isDefault, room?.customFields]).toEqual([true, true, { 'a.b': 1 }]);
    const merge = mergeOf(engine.trace.events, r.runId);
    expect(merge.applied.map((c) => c.field).sort()).toEqual(['customFields', 'isDefault', 'isReadOnly']);
    expect(merge.dropped.map((c) => c.field).sort()).toEqual(['description', 'isTeamMain', 'teamId']);
  });

  it('(§6) displayName is applied only if truthy', async () => {
    engine = await makeEngine([modifyApp('mod', 'Mod', `    builder.setDisplayName('');\n    return builder.getRoom();`)]);
    const r = await engine.run({ action: 'createRoom', name: 'named', type: 'c', creator: 'alice', displayName: 'Named Room' });
    expect(engine.world.roomById(r.roomId as string)?.displayName).toBe('Named Room');
    expect(mergeOf(engine.trace.events, r.runId).dropped.map((d) => d.field)).toEqual(['displayName']);
  });

  it('(§6) slugifiedName is not applied for direct messages', async () => {
    engine = await makeEngine([
      modifyApp('mod', 'Mod', `    builder.setSlugifiedName('renamed-dm');\n    builder.setCustomFields({ dm: true });\n    return builder.getRoom();`),
    ]);
    const r = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'alice', members: ['bob'] });
    expect(r.outcome).toBe('completed');
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.slugifiedName).toBe('');
    expect(room?.customFields).toEqual({ dm: true });
    expect(mergeOf(engine.trace.events, r.runId).dropped.map((d) => d.field)).toEqual(['slugifiedName']);
  });

  it('(§6) the creator is re-read by id; an unknown creator is ignored', async () => {
    engine = await makeEngine([
      modifyApp(
        'mod',
        'Mod',
        `    if (room.slugifiedName === 'to-bob') {
      const bob = await read.getUserReader().getByUsername('bob');
      builder.setCreator({ ...bob, username: 'not-bob' });
    } else {
      builder.setCreator({ ...room.creator, id: 'nobody' });
    }
    return builder.getRoom();`,
      ),
    ]);
    const toBob = await engine.run({ action: 'createRoom', name: 'to-bob', type: 'c', creator: 'alice' });
    expect(engine.world.roomById(toBob.roomId as string)?.creatorId).toBe('u-bob');
    expect(engine.world.userById('u-bob')?.username).toBe('bob');
    const unknown = await engine.run({ action: 'createRoom', name: 'to-nobody', type: 'c', creator: 'alice' });
    expect(unknown.outcome).toBe('completed');
    expect(engine.world.roomById(unknown.roomId as string)?.creatorId).toBe('u-alice');
    expect(mergeOf(engine.trace.events, unknown.runId).dropped.map((d) => d.field)).toEqual(['creator']);
  });

  it('(§6) IRoomExtender.addCustomField on an existing key throws a generic error (chain broken)', async () => {
    engine = await makeEngine([extendApp('dup', 'Dup', `    extend.addCustomField('team', 'red');\n    return extend.getRoom();`)]);
    const r = await engine.run({ action: 'createRoom', name: 'dupkey', type: 'c', creator: 'alice', customFields: { team: 'blue' } });
    expect(r.outcome).toBe('completed');
    const [end] = callEnds(engine.trace.events, r.runId);
    expect([end?.status, end?.error?.message]).toEqual(['threw', 'The room already contains a custom field by the key: team']);
    expect(engine.world.roomById(r.roomId as string)?.customFields).toEqual({ team: 'blue' });
  });

  it('(§6) IRoomExtender.addCustomField with a period in the key throws a generic error', async () => {
    engine = await makeEngine([extendApp('dot', 'Dot', `    extend.addCustomField('a.b', 1);\n    return extend.getRoom();`)]);
    const r = await engine.run({ action: 'createRoom', name: 'dotkey', type: 'c', creator: 'alice' });
    const [end] = callEnds(engine.trace.events, r.runId);
    expect([end?.status, end?.error?.message]).toEqual(['threw', 'The given key contains a period, which is not allowed. Key: a.b']);
    expect(engine.world.roomById(r.roomId as string)?.customFields).toBeUndefined();
  });

  it('(§6) IRoomExtender.addMember has no effect on membership', async () => {
    engine = await makeEngine([
      extendApp(
        'adder',
        'Adder',
        `    const bob = await read.getUserReader().getByUsername('bob');\n    extend.addMember(bob);\n    this.getLogger().info(String(extend.getMembersBeingAdded().length));\n    return extend.getRoom();`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'solo', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([['adder', 'executePreRoomCreateExtend', 'returned']]);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['1']);
    expect(engine.world.roomById(r.roomId as string)?.memberIds).toEqual(['u-alice']);
  });

  it('(§6) IRoomBuilder.addMemberToBeAddedByUsername has no effect on membership', async () => {
    engine = await makeEngine([
      modifyApp(
        'adder',
        'Adder',
        `    builder.addMemberToBeAddedByUsername('bob');\n    builder.setMembersToBeAddedByUsernames(['bob', 'root']);\n    return builder.getRoom();`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'solo2', type: 'p', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomById(r.roomId as string)?.memberIds).toEqual(['u-alice']);
  });

  it('(§6) setSlugifiedName with an invalid name is applied without validation', async () => {
    engine = await makeEngine([modifyApp('slug', 'Slug', `    builder.setSlugifiedName('Not A Valid Name!');\n    return builder.getRoom();`)]);
    const r = await engine.run({ action: 'createRoom', name: 'valid', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomById(r.roomId as string)?.slugifiedName).toBe('Not A Valid Name!');
  });
});
