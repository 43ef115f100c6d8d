import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './test-harness.ts';
import { HTTP, MODIFY, PERSIS, READ, appSource, roomArg, startHarness } from './test-harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

const ROOM = { slugifiedName: 'general', displayName: 'General', type: 'c', createdAt: new Date('2024-01-02T03:04:05.000Z'), customFields: { a: 1 } };

describe('accessor requests', () => {
  it('round-trips a request, attributes it to the call, rejects with the host message', async () => {
    h = startHarness((op, args) =>
      op === 'room.getById' && args[0] === 'r1' ? { ok: true, value: { id: 'r1', createdAt: new Date(0) } } : { ok: false, message: `no ${String(args[0])}` },
    );
    await h.load({
      'MyApp.ts': appSource(
        '  async executePostRoomCreate(room: any, read: any) { const r = await read.getRoomReader().getById("r1"); let e = ""; try { await read.getRoomReader().getById("zz"); } catch (x: any) { e = x.message; } return [r.id, r.createdAt instanceof Date, e]; }',
      ),
    });
    const r = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false), READ, HTTP, PERSIS, MODIFY], 'call-A');
    expect(r.requests.map((q) => [q.callId, q.op, q.args])).toEqual([
      ['call-A', 'room.getById', ['r1']],
      ['call-A', 'room.getById', ['zz']],
    ]);
    expect(r.result).toMatchObject({ ok: true, value: ['r1', true, 'no zz'] });
  });

  it('two calls in flight at once, each answered independently; unanswered requests are reported pending', async () => {
    h = startHarness((_op, args) => (args[0] === 'hang' ? 'never' : { ok: true, value: args[0] ?? null }));
    await h.load({
      'MyApp.ts': appSource(
        '  async executePostRoomCreate(room: any, read: any) { const u = await read.getUserReader().getById(room.slugifiedName); console.log("got", u); void read.getUserReader().getById("hang"); return u; }',
      ),
    });
    h.rt.receive({ v: 1, type: 'call', callId: 'x', method: 'executePostRoomCreate', args: [roomArg({ slugifiedName: 'one' }, [], false), READ] });
    const second = await h.call('executePostRoomCreate', [roomArg({ slugifiedName: 'two' }, [], false), READ], 'y');
    expect(second.result).toMatchObject({ ok: true, value: 'two' });
    expect(second.pending).toMatchObject({ requests: 1 });
    expect(h.of('result', 'x')[0]).toMatchObject({ ok: true, value: 'one' });
    expect(h.of('log', 'x').map((l) => l.args)).toEqual([
      [
        { t: 'str', v: 'got' },
        { t: 'str', v: 'one' },
      ],
    ]);
    expect(h.of('log', 'y').map((l) => l.args)).toEqual([
      [
        { t: 'str', v: 'got' },
        { t: 'str', v: 'two' },
      ],
    ]);
  });
});

describe('logs, timers, malformed messages', () => {
  it('caps a console flood at 200 lines per call and reports the rest as dropped', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource('  async executePostRoomCreate() { for (let i = 0; i < 5000; i++) console.log(i); this.getLogger().info("never"); }'),
    });
    const r = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false)], 'flood');
    expect(r.logs).toHaveLength(200);
    expect(r.logs[0]).toEqual({ v: 1, type: 'log', callId: 'flood', level: 'log', source: 'console', args: [{ t: 'num', v: '0' }], site: 'MyApp.ts:4' });
    expect(r.logs[199]?.args).toEqual([{ t: 'num', v: '199' }]);
    // A running total, reported when the call ends (and, for a long flood, while it runs).
    const dropped = h.of('dropped', 'flood') as { count: number }[];
    expect(dropped.at(-1)).toEqual({ v: 1, type: 'dropped', callId: 'flood', count: 4801 });
    // ('settled', the after-return report of spec 7.2, may come before or after the harness stops listening.)
    const types = h.msgs.filter((m) => 'callId' in m && m.callId === 'flood' && m.type !== 'settled').map((m) => m.type);
    expect(types.slice(-2)).toEqual(['result', 'dropped']);
  });

  it('logger lines carry their level, source and site; load-time lines have callId null', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        [
          '  async onEnable() { this.getLogger().warn("enabling", new Map([["k", 1]])); return true; }',
          '  async executePostRoomCreate() {',
          '    this.getLogger().success("done", { n: 1 });',
          '  }',
        ].join('\n'),
      ),
    });
    const loadLogs = h.of('log', null);
    expect(loadLogs.at(-1)).toEqual({
      v: 1,
      type: 'log',
      callId: null,
      level: 'warn',
      source: 'logger',
      args: [
        { t: 'str', v: 'enabling' },
        {
          t: 'map',
          entries: [
            [
              { t: 'str', v: 'k' },
              { t: 'num', v: '1' },
            ],
          ],
          more: 0,
        },
      ],
      site: 'MyApp.ts:4',
    });
    const r = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false)]);
    expect(r.logs).toEqual([
      {
        v: 1,
        type: 'log',
        callId: r.result.callId,
        level: 'success',
        source: 'logger',
        args: [
          { t: 'str', v: 'done' },
          { t: 'obj', className: 'Object', entries: [['n', { t: 'num', v: '1' }]], more: 0 },
        ],
        site: 'MyApp.ts:6',
      },
    ]);
  });

  it('reports timers and intervals a handler left behind; timer callbacks log under the call', async () => {
    h = startHarness();
    await h.load({
      'MyApp.ts': appSource(
        '  async executePostRoomCreate() { setTimeout(() => console.log("late"), 1); (globalThis as any).__hs_t = setTimeout(() => 0, 100000); const i = setInterval(() => 0, 100000); const j = setInterval(() => 0, 5); clearInterval(j); await Promise.resolve(); (globalThis as any).__hs_i = i; }',
      ),
    });
    const r = await h.call('executePostRoomCreate', [roomArg(ROOM, [], false)], 'tm');
    expect(r.pending).toEqual({ callId: 'tm', timers: 2, intervals: 1, requests: 0 });
    await new Promise((res) => setImmediate(res));
    await new Promise<void>((res) => {
      const t = (globalThis as { setTimeout: (f: () => void, ms: number) => unknown }).setTimeout;
      t(() => res(), 20);
    });
    expect(h.of('log', 'tm').map((l) => l.args)).toEqual([[{ t: 'str', v: 'late' }]]);
    const g = globalThis as unknown as { __hs_i: unknown; __hs_t: unknown; clearInterval(x: unknown): void; clearTimeout(x: unknown): void };
    g.clearInterval(g.__hs_i);
    g.clearTimeout(g.__hs_t);
  });

  it('complains about malformed messages and unknown responses without crashing', async () => {
    h = startHarness();
    h.rt.receive('garbage');
    h.rt.receive({ v: 2, type: 'load' });
    h.rt.receive({ v: 1, type: 'call', callId: 'c', method: 'm', args: [{ kind: 'weird' }] });
    h.rt.receive({ v: 1, type: 'response', reqId: 77, ok: true, value: null });
    const texts = h.of('log', null).map((l) => (l.args[0]?.t === 'str' ? l.args[0].v : ''));
    expect(texts).toEqual([
      'hookscope runtime: ignored a malformed message: message is not an object',
      'hookscope runtime: ignored a malformed message: unsupported protocol version 2',
      'hookscope runtime: ignored a malformed message: call.args is malformed',
      'hookscope runtime: ignored a response to unknown request 77',
    ]);
    const r = await h.call('executeX', [roomArg(ROOM)]);
    expect(r.result).toMatchObject({ ok: false, error: { code: -32603, message: 'The app is not loaded (empty)' } });
    expect(h.msgs[0]).toEqual({ v: 1, type: 'ready' });
  });
});
