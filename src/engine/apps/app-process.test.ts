/**
 * When an app's worker lingers (runs app code with no call in flight, so Stop offers to end it):
 * from what the runtime reports about a call's timers (its answer's `pending`, `settled`), on a
 * fake runtime and virtual time.
 */
import { describe, expect, it } from 'vitest';
import { AppProcess } from './app-process.ts';
import { fakeRuntimes, quietHooks, TEST_APP_SOURCE, virtualTime } from '../../test-support/fake-runtime.ts';
import { TransportPool } from './transport.ts';
import { STALE_MS } from './liveness.ts';

function rig() {
  const time = virtualTime();
  const { factory, made } = fakeRuntimes();
  const heard: boolean[] = [];
  const hooks = quietHooks({ onLingering: (on) => heard.push(on) });
  const source = TEST_APP_SOURCE;
  const proc = new AppProcess(source, new TransportPool(factory, false), time.scheduler, hooks, () => 10_000, time.now);
  /** Makes a call the fake runtime does not answer by itself; returns its id. */
  const call = async (timeoutMs = 1_000) => {
    await proc.ensureLoaded();
    made[0]!.waitsOn.add('m');
    const callId = proc.nextCallId('c');
    void proc.call(callId, 'm', [], timeoutMs);
    await time.advance(0);
    return callId;
  };
  const answer = (callId: string, pending: { timers: number; intervals: number; requests: number }) =>
    made[0]!.emit({ v: 1, type: 'result', callId, ok: true, value: 'wg==', pending });
  const settled = (callId: string, intervals: number) => made[0]!.emit({ v: 1, type: 'settled', callId, waited: true, intervals });
  return { time, proc, heard, call, answer, settled };
}

describe('AppProcess.lingering', () => {
  it('a call that answered with an interval pending lingers from its answer, heard once, until Stop', async () => {
    const { time, proc, heard, call, answer, settled } = rig();
    const id = await call();
    answer(id, { timers: 0, intervals: 1, requests: 0 });
    await time.advance(0);
    expect(proc.lingering).toBe(true);
    settled(id, 1);
    await time.advance(0);
    expect(heard).toEqual([true]);
    expect(proc.stopLingering('stopped')).toBe(true);
    expect(heard).toEqual([true, false]);
  });

  it('a one-shot timer lingers until the call settles without intervals', async () => {
    const { time, proc, heard, call, answer, settled } = rig();
    const id = await call();
    answer(id, { timers: 1, intervals: 0, requests: 0 });
    await time.advance(0);
    expect(proc.lingering).toBe(true);
    settled(id, 0);
    await time.advance(0);
    expect(proc.lingering).toBe(false);
    expect(heard).toEqual([true, false]);
  });

  it('an interval made after the answer (by a request it did not await) lingers once the call settles with it', async () => {
    const { time, proc, heard, call, answer, settled } = rig();
    const id = await call();
    answer(id, { timers: 0, intervals: 0, requests: 1 });
    await time.advance(0);
    expect(proc.lingering).toBe(false);
    settled(id, 1);
    await time.advance(0);
    expect(proc.lingering).toBe(true);
    expect(heard).toEqual([true]);
  });

  it('a late answer after the call timed out that leaves an interval lingers too (its code keeps running, spec §5)', async () => {
    const { time, proc, heard, call, answer } = rig();
    const id = await call(1_000);
    await time.advance(1_000 + STALE_MS); // timed out; the worker answers pings, so it is kept
    expect(proc.lingering).toBe(false);
    answer(id, { timers: 0, intervals: 1, requests: 0 });
    await time.advance(0);
    expect(proc.lingering).toBe(true);
    expect(heard).toEqual([true]);
  });
});
