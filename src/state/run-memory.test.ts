import { describe, expect, it } from 'vitest';
import { emptyWorld } from '../engine/world/types.ts';
import { capRuns, compactWorlds, replayBaseline } from './run-memory.ts';
import type { RunRecord } from '../workspace/types.ts';

const run = (n: number): RunRecord => ({
  id: `r${n}`,
  seq: n,
  action: { action: 'deleteRoom', room: 'x' },
  startedAt: n,
  state: 'settled',
  result: null,
  unloadable: [],
  childRunIds: [],
  events: [],
  worldBefore: emptyWorld(),
  worldAfter: emptyWorld(),
});

describe('run memory policy', () => {
  it('keeps world snapshots only for the newest runs, and the baseline of the oldest', () => {
    const runs = compactWorlds([1, 2, 3, 4, 5].map(run), 2);
    expect(runs.map((r) => [r.worldBefore !== null, r.worldAfter !== null, r.worldDropped ?? false])).toEqual([
      [true, false, true],
      [false, false, true],
      [false, false, true],
      [true, true, false],
      [true, true, false],
    ]);
    expect(replayBaseline(runs)).toBe(0);
    expect(compactWorlds(runs, 2)).toBe(runs);
  });
  it('caps the number of runs, newest kept; replay then starts at the first run with a world', () => {
    const runs = capRuns(compactWorlds([1, 2, 3, 4, 5].map(run), 2), 4);
    expect(runs.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    expect(replayBaseline(runs)).toBe(2);
  });
});
