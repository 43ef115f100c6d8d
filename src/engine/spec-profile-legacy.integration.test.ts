/**
 * Spec §8, profile "legacy" (Apps-Engine <= 1.42, node `vm`): 1 s timeout, frozen inputs, a
 * handler called only if its method exists, Extend/Modify in place, shorter argument lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, appLogLines, callEnds, logLines, mergeOf } from '../test-support/apps-more.ts';
import { calls, makeEngine, skipped } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const extendApp = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomCreateExtend'],
    `  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<any> {
${body}
  }`,
  );

const modifyApp = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomCreateModify'],
    `  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<any> {
${body}
  }`,
  );

describe('spec §8 legacy: timeout', () => {
  it('(§8 legacy timeout) every call gets 1 000 ms by default: a Post handler taking 1.5 s times out', async () => {
    engine = await makeEngine(
      [
        appClass(
          'slow',
          'Slow',
          ['IPostRoomCreate'],
          `  async executePostRoomCreate(): Promise<void> {\n    await new Promise((r) => setTimeout(r, 1500));\n  }`,
        ),
      ],
      { profile: 'legacy' },
    );
    expect(engine.timeoutMs).toBe(1_000);
    const r = await engine.run({ action: 'createRoom', name: 'slow', type: 'c', creator: 'alice' });
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([['slow', 'executePostRoomCreate', 'timed-out']]);
    expect(engine.profile.notes.join(' ')).toMatch(/SYNCHRONOUS time inside node `vm`.*1 000 ms to the whole call/);
  }, 10_000);
});

describe('spec §8 legacy: frozen inputs', () => {
  const mutator = appClass(
    'mut',
    'Mutator',
    ['IPreRoomCreatePrevent', 'IPostRoomCreate'],
    `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    try {
      (room as any).creator.username = 'mallory';
      this.getLogger().info('pre: mutated ' + room.creator.username);
    } catch (e) {
      this.getLogger().info('pre: ' + (e as Error).constructor.name + ': ' + (e as Error).message);
    }
    return false;
  }
  async executePostRoomCreate(room: IRoom): Promise<void> {
    room.displayName = 'changed';
  }`,
  );

  it('(§8 legacy frozen inputs) writing into an argument throws a TypeError the app sees; an uncaught one is a generic error', async () => {
    engine = await makeEngine([mutator], { profile: 'legacy' });
    const r = await engine.run({ action: 'createRoom', name: 'frozen', type: 'c', creator: 'alice' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(["pre: TypeError: Cannot assign to read only property 'username' of object '#<Object>'"]);
    const post = callEnds(engine.trace.events, r.runId).find((e) => e.call.method === 'executePostRoomCreate');
    expect([post?.status, post?.error?.className, post?.error?.message]).toEqual([
      'threw',
      'TypeError',
      "Cannot assign to read only property 'displayName' of object '#<Object>'",
    ]);
  });

  it('(§8 legacy frozen inputs) on "current" the same writes change only the app\'s own copy', async () => {
    engine = await makeEngine([mutator]);
    const r = await engine.run({ action: 'createRoom', name: 'frozen', type: 'c', creator: 'alice' });
    await r.settled;
    expect(logLines(engine.trace.events, r.runId)).toEqual(['pre: mutated mallory']);
    expect(calls(engine.trace.events, r.runId).map((c) => c[2])).toEqual(['returned', 'returned']);
  });

  it('(§8 legacy frozen inputs) switching the profile reloads the apps with frozen inputs, and back', async () => {
    engine = await makeEngine([mutator]);
    await engine.setProfile('legacy');
    const r1 = await engine.run({ action: 'createRoom', name: 'one', type: 'c', creator: 'alice' });
    await engine.setProfile('current');
    const r2 = await engine.run({ action: 'createRoom', name: 'two', type: 'c', creator: 'alice' });
    await engine.settle();
    expect(appLogLines(engine.trace.events, 'mut', r1.runId)).toEqual(["pre: TypeError: Cannot assign to read only property 'username' of object '#<Object>'"]);
    expect(appLogLines(engine.trace.events, 'mut', r2.runId)).toEqual(['pre: mutated mallory']);
  });
});

describe('spec §8 legacy: a handler is called only if its method exists', () => {
  const listedOnly = appClass('listed', 'ListedOnly', ['IPreRoomCreatePrevent', 'IPreRoomUserJoined'], `  async somethingElse(): Promise<void> {}`);

  it('(§8 legacy method only if it exists) an interface listed without its execute method is skipped, the action goes ahead', async () => {
    engine = await makeEngine([listedOnly], { profile: 'legacy' });
    const r = await engine.run({ action: 'createRoom', name: 'listed', type: 'c', creator: 'alice' });
    expect([r.outcome, r.error]).toEqual(['completed', null]);
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['listed', 'IPreRoomCreatePrevent', 'method-missing']]);
    const j = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(j.outcome).toBe('completed');
    expect(skipped(engine.trace.events, j.runId)).toEqual([['listed', 'IPreRoomUserJoined', 'method-missing']]);
  });

  it('(§8 legacy method only if it exists) on "current" the same app gives "method not found", which escapes the loop', async () => {
    engine = await makeEngine([listedOnly]);
    const r = await engine.run({ action: 'createRoom', name: 'listed', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('failed');
    expect(calls(engine.trace.events, r.runId)).toEqual([['listed', 'executePreRoomCreatePrevent', 'not-found']]);
  });
});

describe('spec §8 legacy: argument lists', () => {
  const counter = appClass(
    'count',
    'Counter',
    ['IPreRoomUserJoined', 'IPreRoomUserLeave', 'IPostRoomDeleted', 'IPreRoomDeletePrevent'],
    `  private report(method: string, args: IArguments): void {
    this.getLogger().info(method + ' ' + args.length + ' modify=' + typeof args[4]);
  }
  async executePreRoomUserJoined(): Promise<void> { this.report('preJoin', arguments); }
  async executePreRoomUserLeave(): Promise<void> { this.report('preLeave', arguments); }
  async executePreRoomDeletePrevent(): Promise<boolean> { this.report('preDelete', arguments); return false; }
  async executePostRoomDeleted(): Promise<void> { this.report('postDeleted', arguments); }`,
  );

  async function argLines(profile: 'legacy' | 'current'): Promise<string[]> {
    engine = await makeEngine([counter], { profile });
    await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await engine.run({ action: 'leaveRoom', room: 'general', user: 'root' });
    await engine.run({ action: 'deleteRoom', room: 'general', by: 'alice' });
    await engine.settle();
    return appLogLines(engine.trace.events, 'count');
  }

  it('(§8 legacy argument lists) Pre join / Pre leave get 4 arguments and Post deleted gets no modify', async () => {
    expect(await argLines('legacy')).toEqual([
      'preJoin 4 modify=undefined',
      'preLeave 4 modify=undefined',
      // Prevent (delete) keeps its 5 arguments: section 8 lists no change for it.
      'preDelete 5 modify=object',
      'postDeleted 4 modify=undefined',
    ]);
  });

  it('(§8 legacy argument lists) on "current" all four get 5 arguments, modify included', async () => {
    expect(await argLines('current')).toEqual([
      'preJoin 5 modify=object',
      'preLeave 5 modify=object',
      'preDelete 5 modify=object',
      'postDeleted 5 modify=object',
    ]);
  });
});

describe('spec §8 legacy: Extend in place, return value ignored', () => {
  it('(§8 legacy Extend in place) every app gets the frozen original; extenders change the host room in place; returns are ignored', async () => {
    engine = await makeEngine(
      [
        extendApp('first', 'First', `    extend.addCustomField('first', 1);\n    return { ...extend.getRoom(), displayName: 'ignored return' };`),
        extendApp(
          'second',
          'Second',
          `    this.getLogger().info('room arg ' + JSON.stringify(room.customFields) + ' extender ' + JSON.stringify(extend.getRoom().customFields));\n    extend.addCustomField('second', 2);`,
        ),
      ],
      { profile: 'legacy' },
    );
    const r = await engine.run({ action: 'createRoom', name: 'inplace', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['room arg undefined extender {"first":1}']);
    const room = engine.world.roomById(r.roomId as string);
    expect([room?.displayName, room?.customFields]).toEqual(['inplace', { first: 1, second: 2 }]);
    const ends = callEnds(engine.trace.events, r.runId);
    expect(ends.map((e) => e.status)).toEqual(['returned', 'returned']);
    expect(ends[0]?.effect).toMatch(/return value is ignored; the extender changed the host's room in place/);
    expect(mergeOf(engine.trace.events, r.runId).note).toMatch(
      /^rc-up-to-6\.4 \(spec §8\): the host applies its own room object as the extenders and builders changed it in place/,
    );
  });

  it('(§8 legacy Extend in place) an Extend that returns nothing does not break anything (on "current" it breaks the chain)', async () => {
    engine = await makeEngine([extendApp('noret', 'NoReturn', `    extend.addCustomField('kept', true);`)], { profile: 'legacy' });
    const r = await engine.run({ action: 'createRoom', name: 'noret', type: 'c', creator: 'alice' });
    expect(engine.world.roomById(r.roomId as string)?.customFields).toEqual({ kept: true });
    expect(mergeOf(engine.trace.events, r.runId).chainBroken).toBe(false);
  });

  it('(§8 legacy Extend in place) changes made before a generic error stay on the host room', async () => {
    engine = await makeEngine([extendApp('half', 'Half', `    extend.addCustomField('before', 1);\n    throw new Error('boom');`)], { profile: 'legacy' });
    const r = await engine.run({ action: 'createRoom', name: 'half', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([['half', 'executePreRoomCreateExtend', 'threw']]);
    expect(engine.world.roomById(r.roomId as string)?.customFields).toEqual({ before: 1 });
  });
});

describe('spec §8 legacy: Modify builder over the previous result', () => {
  it('(§8 legacy Modify in place) the builder wraps the previous result: in place while apps return the builder room, detached after a copy', async () => {
    engine = await makeEngine(
      [
        modifyApp('one', 'One', `    builder.setDisplayName('by one');\n    return builder.getRoom();`),
        modifyApp(
          'two',
          'Two',
          `    this.getLogger().info('room arg ' + room.displayName + ', builder ' + builder.getDisplayName());\n    builder.setSlugifiedName('by-two');\n    return { ...builder.getRoom(), isReadOnly: true };`,
        ),
        modifyApp(
          'three',
          'Three',
          `    this.getLogger().info('three builder ' + builder.getSlugifiedName() + ' ' + builder.getIsReadOnly());\n    builder.setDisplayName('lost');\n    return builder.getRoom();`,
        ),
      ],
      { profile: 'legacy' },
    );
    const r = await engine.run({ action: 'createRoom', name: 'built', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['room arg built, builder by one', 'three builder by-two true']);
    const room = engine.world.roomById(r.roomId as string);
    // one and two changed the host's object; two's returned copy (isReadOnly) and three's change on it are lost.
    expect([room?.displayName, room?.slugifiedName, room?.isReadOnly]).toEqual(['by one', 'by-two', false]);
    const effects = callEnds(engine.trace.events, r.runId).map((e) => e.effect);
    expect(effects[1]).toMatch(/the builder changed the host's room in place; it returned another object, which the next builder wraps \(detached/);
    expect(effects[2]).toMatch(/the builder wrapped a detached room: its changes do not reach the host/);
  });

  it('(§8 legacy Modify in place) the Modify room argument is the frozen room after Extend', async () => {
    engine = await makeEngine(
      [
        extendApp('ext', 'Ext', `    extend.addCustomField('tag', 'x');`),
        modifyApp(
          'mod',
          'Mod',
          `    try { (room.customFields as any).tag = 'y'; } catch (e) { this.getLogger().info((e as Error).constructor.name + ' ' + room.customFields?.tag); }\n    builder.setDisplayName('Tag ' + room.customFields?.tag);`,
        ),
      ],
      { profile: 'legacy' },
    );
    const r = await engine.run({ action: 'createRoom', name: 'tagged', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r.runId)).toEqual(['TypeError x']);
    const room = engine.world.roomById(r.roomId as string);
    expect([room?.displayName, room?.customFields]).toEqual(['Tag x', { tag: 'x' }]);
  });
});

describe('Engine.setProfile: timeout', () => {
  it('(§8 profiles) the timeout follows the profile unless the user chose one; keepTimeout decides explicitly', async () => {
    engine = await makeEngine([]);
    expect(engine.timeoutMs).toBe(30_000);
    await engine.setProfile('legacy');
    expect(engine.timeoutMs).toBe(1_000);
    await engine.setProfile('deno-1.43');
    expect(engine.timeoutMs).toBe(10_000);
    engine.setTimeoutMs(5_000);
    await engine.setProfile('current');
    expect([engine.timeoutMs, engine.timeoutIsExplicit]).toEqual([5_000, true]);
    await engine.setProfile('legacy', { keepTimeout: false });
    expect([engine.timeoutMs, engine.timeoutIsExplicit]).toEqual([1_000, false]);
    await engine.setProfile('current', { keepTimeout: true });
    expect(engine.timeoutMs).toBe(1_000);
  });
});
