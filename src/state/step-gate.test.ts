import { describe, expect, it } from 'vitest';
import type { CallRef } from '../engine/trace.ts';
import { StepGate } from './step-gate.ts';

const call = (id: string): CallRef => ({ callId: id, appId: 'a', event: 'IPreRoomCreatePrevent', method: 'm', role: 'execute' });

describe('StepGate', () => {
  it('step mode: each call waits for Step; Continue lets the rest of the run go until the next run', async () => {
    const waiting: (string | null)[] = [];
    const gate = new StepGate((c) => waiting.push(c?.callId ?? null));
    const stepper = gate.configure(true, 0)!;
    let done = 0;
    void stepper(call('c1'))!.then(() => done++);
    await Promise.resolve();
    expect(done).toBe(0);
    gate.step();
    await Promise.resolve();
    expect(done).toBe(1);
    void stepper(call('c2'))!.then(() => done++);
    gate.continueRun();
    await Promise.resolve();
    expect(done).toBe(2);
    expect(stepper(call('c3'))).toBeNull();
    gate.newRun();
    expect(stepper(call('c4'))).not.toBeNull();
    expect(waiting).toContain('c1');
  });
  it('off and full speed: no stepper at all; slow motion waits a delay', async () => {
    const gate = new StepGate(() => undefined);
    expect(gate.configure(false, 0)).toBeNull();
    const slow = gate.configure(false, 5)!;
    const t = Date.now();
    await slow(call('c1'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(4);
  });
});
