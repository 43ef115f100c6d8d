/** The fidelity harness's shrinker, on a predicate standing in for "hookscope and the real engine differ". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, planFor, poolApp, type Case } from './gen.ts';
import { candidates, shrinkCase } from './shrink.ts';

/** Differs when an enabled app's Pre create Prevent throws and a room is created. */
const differs = async (c: Case) =>
  c.actions.some((a) => a.kind === 'create') &&
  c.apps.some(
    (a) =>
      poolApp(a.shape).implements.includes('IPreRoomCreatePrevent') &&
      !poolApp(a.shape).missing.includes('IPreRoomCreatePrevent') &&
      a.plan['executePreRoomCreatePrevent'] === 'error',
  );

describe('shrinkCase', () => {
  it('reduces generated failing cases to one app, one action and the one method that matters', async () => {
    const starts = fc.sample(
      caseArb.map((c): Case => {
        const apps = c.apps.length >= 2 ? c.apps : [...c.apps, c.apps[0]!];
        const first = apps[0]!;
        const failing = {
          ...first,
          shape: {
            ...first.shape,
            implements: { ...first.shape.implements, IPreRoomCreatePrevent: true },
            missing: { ...first.shape.missing, IPreRoomCreatePrevent: false },
          },
          plan: { ...first.plan, executePreRoomCreatePrevent: 'error' },
        };
        return { apps: [...apps.slice(1), failing], actions: [...c.actions, { kind: 'create', type: 'p' }] };
      }),
      { seed: 7, numRuns: 20 },
    );
    for (const start of starts) {
      expect(await differs(start)).toBe(true);
      const r = await shrinkCase(start, differs, { maxAttempts: 5_000 });
      expect(r.exhausted).toBe(false);
      expect(await differs(r.minimal)).toBe(true);
      expect(r.minimal.actions).toEqual([{ kind: 'create', type: 'c' }]);
      expect(r.minimal.apps).toHaveLength(1);
      const app = poolApp(r.minimal.apps[0]!.shape);
      expect(app).toEqual({ implements: ['IPreRoomCreatePrevent'], missing: [], checks: [], stray: [] });
      expect(planFor(app, r.minimal.apps[0]!.plan)).toEqual({ executePreRoomCreatePrevent: 'error' });
      // No single simpler case still fails: it is minimal.
      for (const c of candidates(r.minimal)) expect(await differs(c)).toBe(false);
    }
  });

  it('stops at its attempt budget and says so, keeping the smallest failing case found', async () => {
    const c: Case = {
      apps: [
        {
          shape: { implements: { ...noFlags(), IPreRoomCreatePrevent: true }, missing: noFlags(), checks: noFlags(), stray: noFlags() },
          plan: { executePreRoomCreatePrevent: 'error' },
        },
        {
          shape: { implements: { ...noFlags(), IPostRoomCreate: true }, missing: noFlags(), checks: noFlags(), stray: noFlags() },
          plan: { executePostRoomCreate: 'timeout' },
        },
      ],
      actions: [
        { kind: 'join', target: 2, invited: true },
        { kind: 'create', type: 'p' },
      ],
    };
    let calls = 0;
    const r = await shrinkCase(c, async (x) => (calls++, differs(x)), { maxAttempts: 3 });
    expect(r.exhausted).toBe(true);
    expect(r.attempts).toBe(3);
    expect(calls).toBe(3);
    expect(await differs(r.minimal)).toBe(true);
  });
});

function noFlags() {
  return {
    IPreRoomCreatePrevent: false,
    IPreRoomCreateExtend: false,
    IPreRoomCreateModify: false,
    IPostRoomCreate: false,
    IPreRoomDeletePrevent: false,
    IPostRoomDeleted: false,
    IPreRoomUserJoined: false,
    IPostRoomUserJoined: false,
    IPreRoomUserLeave: false,
    IPostRoomUserLeave: false,
  };
}
