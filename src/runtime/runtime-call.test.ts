import { afterEach, describe, expect, it } from 'vitest';
import type { ArgSpec } from '../protocol/runtime-protocol.ts';
import { encodeWire } from '../protocol/wire.ts';
import type { Harness } from './test-harness.ts';
import { HTTP, MODIFY, PERSIS, READ, appSource, roomArg, startHarness } from './test-harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

const ROOM = { slugifiedName: 'general', displayName: 'General', type: 'c', createdAt: new Date('2024-01-02T03:04:05.000Z'), customFields: { a: 1 } };

describe('call results and errors', () => {
  const BODY = [
    '  async executePreRoomUserJoined(ctx: any) { throw new UserNotAllowedException(`no ${ctx.joiningUser.username}`); }',
    '  async executePostRoomCreate(room: any) {',
    '    return (room as any).nope.deeper;',
    '  }',
    '  async checkPostRoomCreate(room: any) { throw room.customFields.what; }',
    '  async executePostRoomDeleted(room: any) { const o: any = { room }; o.self = o; return room.customFields.kind === "fn" ? () => 1 : o; }',
  ].join('\n');
  const HEADER = "import { UserNotAllowedException } from '@rocket.chat/apps-engine/definition/exceptions';";

  it('AppsEngineException subclasses become -32070 with their class name', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource(BODY, HEADER) });
    const ctx = { kind: 'context', context: encodeWire({ room: ROOM, joiningUser: { username: 'bob' } }), usernames: ['alice'] } satisfies ArgSpec;
    const r = await h.call('executePreRoomUserJoined', [ctx, READ, HTTP, PERSIS, MODIFY]);
    expect(r.result).toMatchObject({
      ok: false,
      error: { code: -32070, name: 'AppsEngineException', className: 'UserNotAllowedException', message: 'no bob', thrownKind: 'error' },
    });
  });

  it('a TypeError becomes -32603 with a stack pointing at MyApp.ts', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource(BODY, HEADER) });
    const r = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false), READ, HTTP, PERSIS, MODIFY]);
    expect(r.result.ok).toBe(false);
    if (r.result.ok) return;
    expect(r.result.error).toMatchObject({ code: -32603, className: 'TypeError', name: 'TypeError' });
    expect(r.result.error.message).toBe("Cannot read properties of undefined (reading 'deeper')");
    const frames = r.result.error.stack?.split('\n') ?? [];
    expect(frames[0]).toBe("TypeError: Cannot read properties of undefined (reading 'deeper')");
    expect(frames[1]).toMatch(/^\s+at MyApp\.executePostRoomCreate \(MyApp\.ts:6:\d+\)$/);
    expect(frames.every((f) => !f.includes('app:///') && !f.includes('src/runtime'))).toBe(true);
  });

  it.each([
    ['nope', { className: 'string', thrownKind: 'string', message: 'nope' }],
    [null, { className: 'null', thrownKind: 'null', message: 'null' }],
    [{ a: 1 }, { className: 'object', thrownKind: 'object', message: '{"a":1}' }],
  ])('throwing %j', async (what, expected) => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource(BODY, HEADER) });
    const r = await h.call('checkPostRoomCreate', [roomArg({ ...ROOM, customFields: { what } }, [], false), READ, HTTP]);
    expect(r.result).toMatchObject({ ok: false, error: { code: -32603, ...expected } });
  });

  it('throwing undefined and a cyclic object', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        '  async checkPostRoomCreate(room: any) { if (room.customFields.c) { const o: any = { n: 1 }; o.o = o; throw o; } throw undefined; }',
      ),
    });
    const u = await h.call('checkPostRoomCreate', [roomArg({ ...ROOM, customFields: {} }, [], false), READ, HTTP]);
    expect(u.result).toMatchObject({ ok: false, error: { code: -32603, className: 'undefined', message: 'undefined' } });
    const c = await h.call('checkPostRoomCreate', [roomArg({ ...ROOM, customFields: { c: 1 } }, [], false), READ, HTTP]);
    expect(c.result).toMatchObject({ ok: false, error: { code: -32603, className: 'object', message: '{"n":1,"o":"[Circular]"}' } });
  });

  it('returning a cyclic object or a function is -32603 saying what and where', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource(BODY, HEADER) });
    const cyc = await h.call('executePostRoomDeleted', [roomArg({ ...ROOM, customFields: {} }, [], false), READ, HTTP, PERSIS, MODIFY]);
    expect(cyc.result).toMatchObject({
      ok: false,
      error: {
        code: -32603,
        message: 'The value returned by executePostRoomDeleted cannot be sent to the host: a cyclic structure cannot be serialized (at $.self)',
      },
    });
    const fn = await h.call('executePostRoomDeleted', [roomArg({ ...ROOM, customFields: { kind: 'fn' } }, [], false), READ, HTTP, PERSIS, MODIFY]);
    expect(fn.result).toMatchObject({
      ok: false,
      error: { code: -32603, message: 'The value returned by executePostRoomDeleted cannot be sent to the host: a function cannot be serialized (at $)' },
    });
  });

  it('missing method is -32601, null first argument is -32602, undefined result is null', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource('  async executePostRoomUserLeave(ctx: any) { }') });
    const missing = await h.call('executePreRoomCreateExtend', [roomArg(ROOM)]);
    expect(missing.result).toMatchObject({ ok: false, error: { code: -32601, message: 'Invalid event interface called on app' } });
    const nul = await h.call('executePostRoomUserLeave', [{ kind: 'context', context: encodeWire(null), usernames: [] }, READ, HTTP, PERSIS, MODIFY]);
    expect(nul.result).toMatchObject({ ok: false, error: { code: -32602, message: 'Invalid params' } });
    const ok = await h.call('executePostRoomUserLeave', [{ kind: 'context', context: encodeWire({ room: ROOM }), usernames: [] }, READ, HTTP, PERSIS, MODIFY]);
    expect(ok.result).toMatchObject({ ok: true, value: null });
  });
});

describe('arguments', () => {
  it('Pre events get a Room whose usernames is the array; Post gets a plain object; contexts wrap room', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        [
          '  async checkPreRoomCreatePrevent(room: any) { return [room.constructor.name, room.usernames, await room.getUsernames(), room.createdAt instanceof Date, JSON.parse(JSON.stringify(room))]; }',
          '  async executePostRoomCreate(room: any) { return [room.constructor.name, room.usernames === undefined]; }',
          '  async executePreRoomUserLeave(ctx: any) { return [ctx.room.constructor.name, ctx.room.usernames, ctx.leavingUser.username]; }',
        ].join('\n'),
      ),
    });
    const pre = await h.call('checkPreRoomCreatePrevent', [roomArg(ROOM, ['alice', 'bob']), READ, HTTP]);
    expect(pre.result).toMatchObject({
      ok: true,
      value: [
        'Room',
        ['alice', 'bob'],
        ['alice', 'bob'],
        true,
        { slugifiedName: 'general', displayName: 'General', type: 'c', createdAt: '2024-01-02T03:04:05.000Z', customFields: { a: 1 } },
      ],
    });
    const post = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false), READ, HTTP, PERSIS, MODIFY]);
    expect(post.result).toMatchObject({ ok: true, value: ['Object', true] });
    const ctx = { kind: 'context', context: encodeWire({ room: ROOM, leavingUser: { username: 'carol' } }), usernames: ['carol'] } satisfies ArgSpec;
    const leave = await h.call('executePreRoomUserLeave', [ctx, READ, HTTP, PERSIS, MODIFY]);
    expect(leave.result).toMatchObject({ ok: true, value: ['Room', ['carol'], 'carol'] });
  });

  it('mutating an argument changes nothing host-side; a returned Room is sent as its own fields', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        '  async executePreRoomCreateModify(room: any) { room.customFields.a = 2; room.displayName = "X"; room.description = "d"; return room; }',
      ),
    });
    const spec = roomArg(ROOM, ['alice']);
    const before = JSON.stringify(spec);
    const r = await h.call('executePreRoomCreateModify', [spec, { kind: 'builder', room: encodeWire(ROOM) }, READ, HTTP, PERSIS]);
    expect(JSON.stringify(spec)).toBe(before);
    expect(r.result).toMatchObject({ ok: true, value: { displayName: 'X', description: 'd', customFields: { a: 2 }, _USERNAMES: ['alice'] } });
    const again = await h.call('executePreRoomCreateModify', [spec, { kind: 'builder', room: encodeWire(ROOM) }, READ, HTTP, PERSIS]);
    expect(again.result).toMatchObject({ ok: true, value: { customFields: { a: 2 } } });
  });

  it('extender: custom fields, period and duplicate rules, getRoom copy; builder shares the raw room', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        [
          '  async executePreRoomCreateExtend(room: any, extend: any) {',
          '    extend.addCustomField("b", 2);',
          '    const errors: string[] = [];',
          '    for (const f of [() => extend.addCustomField("a", 9), () => extend.addCustomField("x.y", 1)]) { try { f(); } catch (e: any) { errors.push(e.message); } }',
          '    const copy = extend.getRoom(); copy.customFields.c = 3;',
          '    return { room: extend.getRoom(), errors, sharedWithRoomArg: room.customFields.b };',
          '  }',
          '  async executePreRoomCreateModify(room: any, builder: any) { builder.setDisplayName("Built"); return [builder.getRoom().displayName, builder.getRoom() === builder.getRoom()]; }',
        ].join('\n'),
      ),
    });
    const ext = await h.call('executePreRoomCreateExtend', [roomArg(ROOM), { kind: 'extender', room: encodeWire(ROOM) }, READ, HTTP, PERSIS]);
    expect(ext.result).toMatchObject({
      ok: true,
      value: {
        room: { customFields: { a: 1, b: 2 } },
        errors: ['The room already contains a custom field by the key: a', 'The given key contains a period, which is not allowed. Key: x.y'],
        sharedWithRoomArg: 2,
      },
    });
    const mod = await h.call('executePreRoomCreateModify', [roomArg(ROOM), { kind: 'builder', room: encodeWire(ROOM) }, READ, HTTP, PERSIS]);
    expect(mod.result).toMatchObject({ ok: true, value: ['Built', true] });
  });

  it('(§8 legacy in place) a call that got a builder reports the room it wraps (held), and whether it returned it', async () => {
    h = startHarness();
    await h.load(
      {
        'MyApp.ts': appSource(
          [
            '  async executePreRoomCreateModify(room: any, builder: any) {',
            '    builder.setDisplayName("Held");',
            '    if (room.slugifiedName === "copy") return { ...builder.getRoom() };',
            '    if (room.slugifiedName === "boom") throw new Error("late");',
            '    return builder.getRoom();',
            '  }',
          ].join('\n'),
        ),
      },
      true,
    );
    const call = (slug: string) =>
      h.call('executePreRoomCreateModify', [roomArg({ ...ROOM, slugifiedName: slug }), { kind: 'builder', room: encodeWire(ROOM) }, READ, HTTP, PERSIS]);
    const same = await call('same');
    expect(same.result).toMatchObject({ ok: true, held: { room: { displayName: 'Held', slugifiedName: 'general' }, returned: true } });
    expect((await call('copy')).result).toMatchObject({ ok: true, held: { returned: false } });
    expect((await call('boom')).result).toMatchObject({ ok: false, error: { message: 'late' }, held: { room: { displayName: 'Held' }, returned: false } });
  });

  it('legacy profile freezes inputs', async () => {
    h = startHarness();
    await h.load({ 'MyApp.ts': appSource('  async executePreRoomCreatePrevent(room: any) { room.displayName = "x"; return false; }') }, true);
    const r = await h.call('executePreRoomCreatePrevent', [roomArg(ROOM), READ, HTTP, PERSIS, MODIFY]);
    expect(r.result).toMatchObject({
      ok: false,
      error: { className: 'TypeError', message: expect.stringMatching(/^Cannot assign to read only property 'displayName' of object/) },
    });
  });
});
