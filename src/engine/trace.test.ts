import { describe, expect, it } from 'vitest';
import { TraceBus, type TraceEvent } from './trace.ts';

const ev = (i: number): TraceEvent => ({ type: 'run-settled', runId: `run-${i}`, at: i });

describe('TraceBus', () => {
  it('keeps every event by default and tells subscribers live', () => {
    const bus = new TraceBus();
    const seen: string[] = [];
    const off = bus.subscribe((e) => seen.push(e.runId ?? ''));
    for (let i = 0; i < 5; i++) bus.emit(ev(i));
    off();
    bus.emit(ev(5));
    expect(bus.events).toHaveLength(6);
    expect(seen).toEqual(['run-0', 'run-1', 'run-2', 'run-3', 'run-4']);
  });

  it('bounds what it holds to the newest events when given a limit', () => {
    const bus = new TraceBus(100);
    for (let i = 0; i < 1000; i++) bus.emit(ev(i));
    expect(bus.events.length).toBeLessThanOrEqual(125);
    expect(bus.events.length).toBeGreaterThanOrEqual(100);
    expect(bus.events[bus.events.length - 1]?.runId).toBe('run-999');
  });
});
