import { describe, expect, it } from 'vitest';
import { decodeWire } from '../../protocol/wire.ts';
import { AppProcess, type CallAnswer } from './app-process.ts';
import { fakeRuntimes, quietHooks, settle, TEST_APP_SOURCE, virtualTime, type FakeRuntime } from '../../test-support/fake-runtime.ts';
import { Liveness, PING_INTERVAL_MS, STALE_MS } from './liveness.ts';
import { TransportPool } from './transport.ts';

describe('Liveness', () => {
  function rig(clockMoves = true) {
    const time = virtualTime();
    const sent: number[] = [];
    const live = new Liveness((seq) => sent.push(seq), time.scheduler, clockMoves ? time.now : () => 0);
    return { time, sent, live };
  }

  it('pings while started, one ping outstanding at a time, and stops when told', async () => {
    const { time, sent, live } = rig();
    live.start();
    await time.advance(PING_INTERVAL_MS * 3);
    expect(sent).toEqual([1]); // unanswered: no second ping piles up
    live.pong(1);
    await time.advance(PING_INTERVAL_MS);
    expect(sent).toEqual([1, 2]);
    live.pong(2);
    live.stop();
    await time.advance(PING_INTERVAL_MS * 5);
    expect(sent).toEqual([1, 2]);
  });

  it('alive: the fresh ping of the verdict is answered', async () => {
    const { time, sent, live } = rig();
    let verdict: string | null = null;
    void live.verdict().then((v) => (verdict = v));
    expect(sent).toEqual([1]);
    live.pong(1);
    await time.advance(0);
    expect(verdict).toBe('alive');
  });

  it('stuck at once when the outstanding ping is already stale, without waiting for another window', async () => {
    const { time, live } = rig();
    live.start();
    await time.advance(PING_INTERVAL_MS + STALE_MS);
    live.stop();
    let verdict: string | null = null;
    void live.verdict().then((v) => (verdict = v));
    await time.advance(0);
    expect(verdict).toBe('stuck');
  });

  it('a ping answered late but within the window is alive; none in the window is stuck', async () => {
    const a = rig();
    let va: string | null = null;
    void a.live.verdict().then((v) => (va = v));
    await a.time.advance(STALE_MS - 1);
    expect(va).toBeNull();
    a.live.pong(1);
    await a.time.advance(0);
    expect(va).toBe('alive');

    const b = rig();
    let vb: string | null = null;
    void b.live.verdict().then((v) => (vb = v));
    await b.time.advance(STALE_MS - 1);
    expect(vb).toBeNull();
    await b.time.advance(1);
    expect(vb).toBe('stuck');
  });

  it('a clock that does not move still reaches a verdict (the stale timer decides)', async () => {
    const { time, live } = rig(false);
    let verdict: string | null = null;
    void live.verdict().then((v) => (verdict = v));
    await time.advance(STALE_MS);
    expect(verdict).toBe('stuck');
  });
});

describe('AppProcess liveness and standby', () => {
  interface Seen {
    restarts: string[];
    logs: string[];
    problems: string[];
  }
  function rig(standby = false, loadLog?: string) {
    const time = virtualTime();
    const { factory, made } = fakeRuntimes(loadLog);
    const pool = new TransportPool(factory, false);
    const seen: Seen = { restarts: [], logs: [], problems: [] };
    const hooks = quietHooks({
      onLog: (m) => seen.logs.push(m.args.map((a) => ('v' in a ? String(a.v) : a.t)).join(' ')),
      onProblem: (p) => seen.problems.push(p),
      onRestart: (r) => seen.restarts.push(r),
    });
    const source = TEST_APP_SOURCE;
    const proc = new AppProcess(source, pool, time.scheduler, hooks, () => 10_000, time.now, { standby });
    const call = (method: string, timeoutMs = 1000) => {
      let answer: CallAnswer | null = null;
      void proc.call(proc.nextCallId('c'), method, [], timeoutMs).then((a) => (answer = a));
      return () => answer as CallAnswer | null;
    };
    const loads = (rt: FakeRuntime | undefined) => rt?.posted.filter((m) => m.type === 'load').length ?? 0;
    return { time, made, proc, seen, call, loads };
  }

  it('a merely waiting app keeps its worker at the timeout; its late reply is ignored; the next call goes to the same worker', async () => {
    const { time, made, seen, call, proc } = rig();
    await proc.ensureLoaded();
    made[0]!.waitsOn.add('waits');
    const hung = call('waits', 1000);
    await time.advance(1000);
    expect(hung()).toEqual({ kind: 'timeout' });
    await time.advance(STALE_MS * 2);
    expect(seen.restarts).toEqual([]);
    expect(made[0]!.terminated).toBe(false);
    // The late reply is ignored (no second answer, no problem reported).
    const late = made[0]!.posted.find((m) => m.type === 'call');
    if (late?.type !== 'call') throw new Error('no call was posted');
    made[0]!.emit({ v: 1, type: 'result', callId: late.callId, ok: true, value: 'wg==', pending: { timers: 0, intervals: 0, requests: 0 } });
    await time.advance(0);
    expect(hung()).toEqual({ kind: 'timeout' });
    expect(seen.problems).toEqual([]);
    const next = call('m');
    await time.advance(0);
    expect(next()).toMatchObject({ kind: 'ok' });
    expect(made).toHaveLength(1);
  });

  it('a worker stuck since early in the call is replaced at the timeout, and the next call answers from a new worker', async () => {
    const { time, made, seen, call, proc } = rig();
    await proc.ensureLoaded();
    made[0]!.loopsOn.add('loops');
    const hung = call('loops', 1000);
    await time.advance(1000);
    expect(hung()).toEqual({ kind: 'timeout' });
    // Known stuck at the timeout itself (pings unanswered for ~a second): no further window.
    await time.advance(0);
    expect(seen.restarts).toEqual(['loops timed out after 1000 ms']);
    expect(made[0]!.terminated).toBe(true);
    const next = call('m');
    await time.advance(0);
    const answer = next();
    expect(answer?.kind).toBe('ok');
    expect(answer?.kind === 'ok' && decodeWire(answer.value)).toBe(2);
  });

  it('with a standby the app is loaded ahead of time; it takes over without a load and a new standby starts', async () => {
    const { time, made, seen, call, proc, loads } = rig(true);
    await proc.ensureLoaded();
    await time.advance(0);
    expect(made).toHaveLength(2);
    expect(proc.hasStandby).toBe(true);
    expect(loads(made[1])).toBe(1);
    made[0]!.loopsOn.add('loops');
    const hung = call('loops', 500);
    await time.advance(500);
    expect(hung()).toEqual({ kind: 'timeout' });
    await time.advance(0);
    expect(seen.restarts).toHaveLength(1);
    const next = call('m');
    await time.advance(0);
    const answer = next();
    expect(answer?.kind === 'ok' && decodeWire(answer.value)).toBe(2);
    // The standby got no second load: the call went straight to it.
    expect(loads(made[1])).toBe(1);
    expect(made[1]!.posted.filter((m) => m.type === 'call')).toHaveLength(1);
    // And a new standby is loading beside it.
    expect(made).toHaveLength(3);
    expect(loads(made[2])).toBe(1);
  });

  it("the standby's load-time log lines are held until it takes over, then delivered", async () => {
    const { time, made, seen, call, proc } = rig(true, 'loading');
    await proc.ensureLoaded();
    await time.advance(0);
    expect(made).toHaveLength(2);
    expect(seen.logs).toEqual(['loading 1']);
    proc.kill('stopped by the user', { kind: 'stopped' });
    const next = call('m');
    await time.advance(0);
    expect(next()?.kind).toBe('ok');
    expect(seen.logs).toEqual(['loading 1', 'loading 2']);
    expect(made[0]!.terminated).toBe(true);
    expect(made[1]!.terminated).toBe(false);
  });

  it('a new source drops the standby (it holds the old code)', async () => {
    const { time, made, proc } = rig(true);
    await proc.ensureLoaded();
    await time.advance(0);
    expect(made).toHaveLength(2);
    proc.setSource({
      descriptor: {
        id: 'a',
        name: 'A',
        nameSlug: 'a',
        version: '2',
        description: '',
        requiredApiVersion: '^1',
        author: { name: '', support: '' },
        classFile: 'A.ts',
      },
      files: { 'A.ts': '// v2' },
      switches: { freezeInputs: false },
    });
    expect(made[1]!.terminated).toBe(true);
    expect(made[0]!.terminated).toBe(true);
    expect(proc.hasStandby).toBe(false);
    await settle();
  });
});
