/**
 * Hung or only slow while loading (issue 18): the load budget is injected and time is virtual, so
 * nothing here depends on how fast this machine is.
 */
import { describe, expect, it } from 'vitest';
import type { HostToRuntime, RuntimeToHost } from '../../protocol/runtime-protocol.ts';
import { quietHooks, TEST_APP_SOURCE, virtualTime, type VirtualTime } from '../../test-support/fake-runtime.ts';
import { AppProcess } from './app-process.ts';
import { STALE_MS } from './liveness.ts';
import { judgeLoad } from './load-watch.ts';
import { TransportPool, type RuntimeTransport } from './transport.ts';

describe('judgeLoad', () => {
  const B = 1000;
  it("waits until the budget is used up, counted from the runtime's first answer", () => {
    expect(judgeLoad(0, 10, 0, 0, B)).toEqual({ kind: 'wait', at: 1000 });
    expect(judgeLoad(0, 1000, 300, 300, B)).toEqual({ kind: 'wait', at: 1300 });
  });
  it('no answer at all: the runtime did not start (it gets at least 10 s for that)', () => {
    expect(judgeLoad(0, 1000, null, null, B)).toEqual({ kind: 'wait', at: 2000 });
    expect(judgeLoad(0, 9000, null, null, B)).toEqual({ kind: 'wait', at: 10_000 });
    expect(judgeLoad(0, 10_000, null, null, B)).toEqual({ kind: 'not-started' });
    expect(judgeLoad(0, 44_000, null, null, 15_000)).toEqual({ kind: 'wait', at: 45_000 });
    expect(judgeLoad(0, 45_000, null, null, 15_000)).toEqual({ kind: 'not-started' });
  });
  it('silent for the whole budget: hung', () => {
    expect(judgeLoad(0, 1000, 0, 0, B)).toEqual({ kind: 'hung' });
  });
  it('still answering past the budget: it may wait up to three budgets, then it waited too long', () => {
    expect(judgeLoad(0, 1000, 0, 990, B)).toEqual({ kind: 'wait', at: 1990 });
    expect(judgeLoad(0, 2990, 0, 2980, B)).toEqual({ kind: 'wait', at: 3000 });
    expect(judgeLoad(0, 3000, 0, 2990, B)).toEqual({ kind: 'waited' });
  });
  it('running since an answer inside the budget: it gets the budget from that answer', () => {
    expect(judgeLoad(0, 1000, 0, 400, B)).toEqual({ kind: 'wait', at: 1400 });
    expect(judgeLoad(0, 1000, 0, 1000 - STALE_MS, B)).toEqual({ kind: 'wait', at: 2000 - STALE_MS });
  });
});

/**
 * A runtime whose load is a script of steps: `run` ms of code without a break (pings wait, and
 * are answered when it ends, as a real event loop would), `wait` ms of waiting (pings answered),
 * then loaded; `forever: 'run' | 'wait'` never ends; `dead`: answers nothing at all.
 */
type Step = { run: number } | { wait: number };
interface Script {
  steps?: Step[];
  forever?: 'run' | 'wait';
  dead?: boolean;
}

function scripted(time: VirtualTime, scripts: Script[]) {
  const made: { terminated: boolean; loads: number }[] = [];
  const factory = (): RuntimeTransport => {
    const script = scripts[made.length] ?? scripts[scripts.length - 1]!;
    const state = { terminated: false, loads: 0 };
    made.push(state);
    let listener: ((raw: unknown) => void) | null = null;
    let busy = false;
    let queuedPing: number | null = null;
    const emit = (msg: RuntimeToHost) => !state.terminated && queueMicrotask(() => listener?.(msg));
    const pong = (seq: number) => emit({ v: 1, type: 'pong', seq });
    const play = (steps: Step[]) => {
      const [step, ...rest] = steps;
      if (!step) {
        emit({ v: 1, type: 'loaded', ok: true, className: 'App', methods: ['m'], settings: [] });
        return;
      }
      busy = 'run' in step;
      time.scheduler.setTimeout(
        () => {
          busy = false;
          if (queuedPing !== null) pong(queuedPing);
          queuedPing = null;
          play(rest);
        },
        'run' in step ? step.run : step.wait,
      );
    };
    return {
      post(msg: HostToRuntime) {
        if (state.terminated || script.dead) return;
        if (msg.type === 'ping') {
          if (busy) queuedPing = msg.seq;
          else pong(msg.seq);
        } else if (msg.type === 'load') {
          state.loads += 1;
          if (script.forever === 'run') busy = true;
          else if (script.forever !== 'wait') play(script.steps ?? []);
        } else if (msg.type === 'call' && !busy) {
          emit({ v: 1, type: 'result', callId: msg.callId, ok: true, value: 'AQ==', pending: { timers: 0, intervals: 0, requests: 0 } });
        }
      },
      onMessage(l) {
        listener = l;
      },
      onExit() {},
      terminate() {
        state.terminated = true;
      },
    };
  };
  return { factory, made };
}

function rig(scripts: Script[], budget = { ms: 1000 }) {
  const time = virtualTime();
  const { factory, made } = scripted(time, scripts);
  const restarts: string[] = [];
  const hooks = quietHooks({ onRestart: (r) => restarts.push(r) });
  const source = TEST_APP_SOURCE;
  const proc = new AppProcess(source, new TransportPool(factory, false), time.scheduler, hooks, () => budget.ms, time.now);
  const load = () => {
    let answer: Awaited<ReturnType<AppProcess['ensureLoaded']>> | null = null;
    void proc.ensureLoaded().then((a) => (answer = a));
    return () => answer;
  };
  return { time, made, proc, restarts, load, source };
}

describe('a load past its budget', () => {
  it('slow but finite (heavy code with breaks, longer than the budget in all) loads', async () => {
    // 800 ms of code, 500 ms waiting on something, 600 ms of code: 1.9 s in all, budget 1 s.
    const { time, made, load, restarts } = rig([{ steps: [{ run: 800 }, { wait: 500 }, { run: 600 }] }]);
    const answer = load();
    await time.advance(1899);
    expect(answer()).toBeNull();
    await time.advance(1);
    expect(answer()).toMatchObject({ ok: true, className: 'App' });
    expect(restarts).toEqual([]);
    expect(made[0]!.terminated).toBe(false);
  });

  it('code that starts running late gets the whole budget of running from the last answer', async () => {
    const { time, load } = rig([{ steps: [{ wait: 600 }, { run: 900 }] }]);
    const answer = load();
    await time.advance(1500);
    expect(answer()).toMatchObject({ ok: true });
  });

  it('an endless loop fails once the worker was silent for the budget, with a message naming the bound; later loads answer at once', async () => {
    const budget = { ms: 1000 };
    const { time, made, load, proc, restarts, source } = rig([{ forever: 'run' }, { steps: [] }], budget);
    const answer = load();
    await time.advance(999);
    expect(answer()).toBeNull();
    await time.advance(1);
    const failed = answer();
    expect(failed).toMatchObject({ ok: false });
    expect(failed?.ok === false && failed.error.message).toBe(
      "loading the app did not finish: its code ran for 1000 ms (hookscope's limit for loading an app) without a break (an endless loop in its constructor or top-level code?); it stays failed until its code changes or the per-call timeout is raised",
    );
    expect(made[0]!.terminated).toBe(true);
    expect(restarts).toEqual(['loading the app did not finish']);
    // Not tried again: no new worker, the same answer.
    expect(await proc.ensureLoaded()).toBe(failed);
    expect(made).toHaveLength(1);
    // A larger budget tries again (here the second runtime loads).
    budget.ms = 2000;
    const retried = load();
    await time.advance(0);
    expect(retried()).toMatchObject({ ok: true });
    expect(made).toHaveLength(2);
    // And so does new code, after another hang.
    proc.setSource({ ...source, files: { 'A.ts': '// v2' } });
    expect(made[1]!.terminated).toBe(true);
  });

  it('a load that waits forever while its worker answers is not called hung: it waited', async () => {
    const { time, load } = rig([{ forever: 'wait' }]);
    const answer = load();
    await time.advance(2999);
    expect(answer()).toBeNull();
    await time.advance(1);
    const failed = answer();
    expect(failed?.ok === false && failed.error.message).toMatch(
      /^loading the app did not finish within 3000 ms \(3 times hookscope's limit for loading an app, 1000 ms\): its worker kept answering, so the load was waiting for something that did not come/,
    );
  });

  it("a runtime that never answered did not start: not the app's fault, the next load tries again", async () => {
    const { time, made, load } = rig([{ dead: true }, { steps: [] }]);
    const answer = load();
    await time.advance(9999);
    expect(answer()).toBeNull();
    await time.advance(1);
    const failed = answer();
    expect(failed?.ok === false && failed.error.message).toBe(
      "the app's runtime did not start within 10000 ms, so none of the app's code ran (a busy machine?); the next action tries again",
    );
    const next = load();
    await time.advance(0);
    expect(next()).toMatchObject({ ok: true });
    expect(made).toHaveLength(2);
  });

  it('after a load, calls are answered and pinging has stopped with no call in flight', async () => {
    const { time, proc, load } = rig([{ steps: [{ run: 100 }] }]);
    const answer = load();
    await time.advance(100);
    expect(answer()).toMatchObject({ ok: true });
    const pending = time.pendingTimers();
    await time.advance(1000);
    expect(time.pendingTimers()).toBeLessThanOrEqual(pending);
    let got: unknown = null;
    void proc.call(proc.nextCallId('c'), 'm', [], 500).then((a) => (got = a));
    await time.advance(0);
    expect(got).toMatchObject({ kind: 'ok' });
  });
});

describe('a load past its budget, with a clock that does not move', () => {
  function still(scripts: Script[]) {
    const time = virtualTime();
    const { factory, made } = scripted(time, scripts);
    const proc = new AppProcess(
      TEST_APP_SOURCE,
      new TransportPool(factory, false),
      time.scheduler,
      quietHooks(),
      () => 1000,
      () => 0,
    );
    let answer: Awaited<ReturnType<AppProcess['ensureLoaded']>> | null = null;
    void proc.ensureLoaded().then((a) => (answer = a));
    return { time, made, answer: () => answer };
  }

  it('still reaches a verdict: an endless loop is hung (one budget after its first answer was seen)', async () => {
    const { time, answer } = still([{ forever: 'run' }]);
    await time.advance(2000);
    const failed = answer();
    expect(failed?.ok === false && failed.error.message).toMatch(/^loading the app did not finish: its code ran for 1000 ms/);
  });

  it('a waiting load is told apart from a hung one', async () => {
    const { time, answer } = still([{ forever: 'wait' }]);
    // The first answer counts as seen at the first check (1000), so it waited until 4000.
    await time.advance(4000);
    const failed = answer();
    expect(failed?.ok === false && failed.error.message).toMatch(/^loading the app did not finish within 3000 ms .*its worker kept answering/);
  });

  it('a slow load with breaks loads', async () => {
    const { time, answer } = still([{ steps: [{ run: 800 }, { wait: 500 }, { run: 600 }] }]);
    await time.advance(1900);
    expect(answer()).toMatchObject({ ok: true });
  });
});
