/**
 * Shrinks a failing generated case to a minimal one: a greedy, deterministic delta-debugging pass
 * over the case's own structure (drop an action, drop an app, clear an interface flag, make a
 * behaviour or an action simpler), keeping each change that still fails, until no single change
 * does or the budget is spent.
 *
 * Why not fast-check's shrinker: started from an example value (the failing pipeline of a batch,
 * drawn through `batchDrawArb`, not `caseArb`), it has no shrink context, and on the real engine
 * it ran the harness out of heap after ~7 minutes (fidelity/FINDINGS.md). Here every attempt is one
 * real-engine run, counted against `maxAttempts`, and the candidate order (biggest cuts first,
 * simplest values first, as gen.ts weighs them) keeps that number small.
 */
import { INTERFACES, type ActionSpec } from './model.ts';
import { planFor, poolApp, type Case, type CaseApp, type Flags } from './gen.ts';

/** Simplest first: a behaviour is only ever replaced by one to its left. */
const EXECUTE_ORDER = [
  'nothing',
  'true',
  'false',
  'object',
  'room',
  'changed-room',
  'accessor',
  'mutate',
  'error',
  'ae',
  'una',
  'ae-nomsg',
  'una-nomsg',
  'timeout',
];
const CHECK_ORDER = ['true', 'false', 'nothing', 'error', 'ae'];
const FLAG_SETS = ['implements', 'missing', 'checks', 'stray'] as const;

export interface ShrinkResult {
  minimal: Case;
  /** Candidate cases tried (each one real-engine run). */
  attempts: number;
  /** Changes kept. */
  steps: number;
  /** True when the budget ran out before no single change failed any more. */
  exhausted: boolean;
}

export interface ShrinkBudget {
  maxAttempts: number;
  /** Wall-clock bound (ms); the harness's own, never asserted in tests. */
  maxMillis?: number;
}

const withApp = (c: Case, i: number, app: CaseApp): Case => ({ ...c, apps: c.apps.map((a, j) => (j === i ? app : a)) });
const withAction = (c: Case, i: number, action: ActionSpec): Case => ({ ...c, actions: c.actions.map((a, j) => (j === i ? action : a)) });

function simplerActions(a: ActionSpec): ActionSpec[] {
  switch (a.kind) {
    case 'create':
      return a.type === 'p' ? [{ kind: 'create', type: 'c' }] : [];
    case 'delete':
      return a.target > 0 ? [{ ...a, target: 0 }] : [];
    case 'join':
      return [...(a.invited ? [{ ...a, invited: false }] : []), ...(a.target > 0 ? [{ ...a, target: 0 }] : [])];
    case 'leave':
      return [...(a.kicked ? [{ ...a, kicked: false }] : []), ...(a.target > 0 ? [{ ...a, target: 0 }] : [])];
  }
}

/** Every case one step simpler than `c`, biggest cuts first. */
export function* candidates(c: Case): Generator<Case> {
  if (c.actions.length > 1) for (let i = c.actions.length - 1; i >= 0; i--) yield { ...c, actions: c.actions.filter((_, j) => j !== i) };
  if (c.apps.length > 1) for (let i = c.apps.length - 1; i >= 0; i--) yield { ...c, apps: c.apps.filter((_, j) => j !== i) };
  for (const [i, app] of c.apps.entries()) {
    const written = JSON.stringify(poolApp(app.shape));
    for (const set of FLAG_SETS) {
      for (const iface of INTERFACES) {
        if (!app.shape[set][iface]) continue;
        const flags: Flags = { ...app.shape[set], [iface]: false };
        const shape = { ...app.shape, [set]: flags };
        // A flag that does not change the class written (e.g. `missing` on an interface not
        // implemented) is no simpler case: not worth a real-engine run.
        if (JSON.stringify(poolApp(shape)) === written) continue;
        yield withApp(c, i, { ...app, shape });
      }
    }
    // Only the behaviours of methods the class writes matter (gen.ts planFor).
    for (const [method, behaviour] of Object.entries(planFor(poolApp(app.shape), app.plan))) {
      const order = method.startsWith('check') ? CHECK_ORDER : EXECUTE_ORDER;
      const at = order.indexOf(behaviour);
      for (const simpler of order.slice(0, Math.max(0, at))) yield withApp(c, i, { ...app, plan: { ...app.plan, [method]: simpler } });
    }
  }
  for (const [i, a] of c.actions.entries()) for (const s of simplerActions(a)) yield withAction(c, i, s);
}

export async function shrinkCase(
  start: Case,
  fails: (c: Case) => Promise<boolean>,
  budget: ShrinkBudget,
  now: () => number = () => performance.now(),
): Promise<ShrinkResult> {
  const t0 = now();
  let current = start;
  let attempts = 0;
  let steps = 0;
  const spent = () => attempts >= budget.maxAttempts || (budget.maxMillis !== undefined && now() - t0 >= budget.maxMillis);
  for (;;) {
    let improved = false;
    for (const next of candidates(current)) {
      if (spent()) return { minimal: current, attempts, steps, exhausted: true };
      attempts++;
      if (await fails(next)) {
        current = next;
        steps++;
        improved = true;
        break;
      }
    }
    if (!improved) return { minimal: current, attempts, steps, exhausted: false };
  }
}
