import { describe, expect, it } from 'vitest';
import type { RuntimeTransport } from '../engine/apps/transport.ts';
import { warmRuntimes } from './warm-runtimes.ts';

interface Fake extends RuntimeTransport {
  n: number;
  die(reason: string): void;
  terminated: boolean;
}

function fakes() {
  const made: Fake[] = [];
  const make = (): Fake => {
    const exits: ((r: string) => void)[] = [];
    const t: Fake = {
      n: made.length,
      terminated: false,
      post: () => undefined,
      onMessage: () => undefined,
      onExit: (l) => void exits.push(l),
      terminate: () => void (t.terminated = true),
      die: (r) => exits.forEach((l) => l(r)),
    };
    made.push(t);
    return t;
  };
  return { made, make };
}

describe('warmRuntimes', () => {
  it('hands out runtimes started ahead and starts their replacements after the hand-out', () => {
    const { made, make } = fakes();
    const queued: (() => void)[] = [];
    const warm = warmRuntimes(make, { size: 2, defer: (fn) => void queued.push(fn) });
    warm.factory(); // nothing ready yet: starts one at once
    expect(made).toHaveLength(1);
    queued.shift()!();
    expect(made).toHaveLength(3);
    warm.factory();
    warm.factory();
    expect(made).toHaveLength(3); // both came from the pool
    queued.shift()!();
    expect(warm.started()).toBe(5);
    warm.dispose();
    expect(made.slice(3).every((t) => t.terminated)).toBe(true);
    expect(made.slice(0, 3).some((t) => t.terminated)).toBe(false); // handed out: their engines own them
    expect(() => warm.factory()).toThrow('disposed');
  });
  it('skips a runtime that died while waiting, and tells a late listener of a death', async () => {
    const { made, make } = fakes();
    const queued: (() => void)[] = [];
    const warm = warmRuntimes(make, { size: 1, defer: (fn) => void queued.push(fn) });
    warm.factory();
    queued.shift()!();
    made[1]!.die('out of memory');
    const got = warm.factory() as RuntimeTransport;
    got.post({ v: 1, type: 'ping' } as never);
    expect(made).toHaveLength(3); // made[1] was skipped; a fresh one was started
    made[2]!.die('crashed');
    const reasons: string[] = [];
    got.onExit((r) => reasons.push(r));
    await Promise.resolve();
    expect(reasons).toEqual(['crashed']);
  });
});

describe('warmRuntimes.resize', () => {
  it('at 0 hands out the runtimes already started, then starts them on demand only', () => {
    const { made, make } = fakes();
    const queued: (() => void)[] = [];
    const warm = warmRuntimes(make, { size: 2, defer: (fn) => void queued.push(fn) });
    warm.factory();
    queued.shift()!();
    expect(made).toHaveLength(3);
    warm.resize(0);
    warm.factory();
    warm.factory();
    queued.shift()?.();
    expect(made).toHaveLength(3); // both were started already; none started ahead
    warm.factory();
    queued.shift()?.();
    expect(made).toHaveLength(4); // on demand
  });
});
