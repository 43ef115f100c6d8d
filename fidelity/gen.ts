/**
 * The property-based generator (fast-check). A generated **case** is one pipeline: 1-5 apps, each
 * with a class shape (which interfaces its `implements` names, which of those lack their execute
 * method, which check methods it writes, which execute methods it writes without `implements`)
 * and one behaviour per method, plus 1-4 actions. Every part shrinks on its own (records,
 * booleans, constants), so a failing case shrinks to a minimal one.
 *
 * CI speed: a **batch** draws a pool of app shapes once and many pipelines over it (each takes
 * 1-5 pool apps in its own order, with its own behaviours), so each pool app is compiled and
 * started in the real engine once per batch. A failing pipeline of a batch becomes a case.
 */
import fc from 'fast-check';
import {
  CHECK_BEHAVIOURS,
  checkOf,
  executeOf,
  INTERFACES,
  type ActionSpec,
  type Batch,
  type CheckBehaviour,
  type ExecuteBehaviour,
  type Iface,
  type Pipeline,
  type PoolApp,
} from './model.ts';

export type Flags = Record<Iface, boolean>;
export interface Shape {
  implements: Flags;
  missing: Flags;
  checks: Flags;
  stray: Flags;
}
export interface CaseApp {
  shape: Shape;
  plan: Record<string, string>;
}
export interface Case {
  apps: CaseApp[];
  actions: ActionSpec[];
}

const rare = (weight: number) => fc.oneof({ weight, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const flags = (arb: fc.Arbitrary<boolean>) => fc.record(Object.fromEntries(INTERFACES.map((i) => [i, arb])) as Record<Iface, fc.Arbitrary<boolean>>);

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  implements: flags(fc.boolean()),
  missing: flags(rare(14)),
  checks: flags(rare(2)),
  stray: flags(rare(10)),
});

// Weighted, simplest first (shrinking goes towards the first).
const EXECUTE_WEIGHTS: [ExecuteBehaviour, number][] = [
  ['nothing', 4],
  ['true', 6],
  ['false', 5],
  ['object', 2],
  ['room', 6],
  ['changed-room', 4],
  ['accessor', 4],
  ['mutate', 2],
  ['error', 4],
  ['ae', 2],
  ['una', 2],
  ['ae-nomsg', 1],
  ['una-nomsg', 1],
  ['timeout', 1],
];
const CHECK_WEIGHTS: [CheckBehaviour, number][] = [
  ['true', 6],
  ['false', 3],
  ['nothing', 1],
  ['error', 1],
  ['ae', 1],
];
const weighted = <T>(table: [T, number][]) => fc.oneof(...table.map(([v, weight]) => ({ weight, arbitrary: fc.constant(v) })));
const executeArb = weighted(EXECUTE_WEIGHTS);
const checkArb = weighted(CHECK_WEIGHTS);
void CHECK_BEHAVIOURS;

const METHODS: { name: string; check: boolean }[] = INTERFACES.flatMap((i) => {
  const c = checkOf(i);
  return [{ name: executeOf(i), check: false }, ...(c ? [{ name: c, check: true }] : [])];
});

export const planArb: fc.Arbitrary<Record<string, string>> = fc.record(
  Object.fromEntries(METHODS.map((m) => [m.name, m.check ? checkArb : executeArb])) as Record<string, fc.Arbitrary<string>>,
);

export const actionArb: fc.Arbitrary<ActionSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), type: fc.constantFrom('c' as const, 'p' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('join' as const), target: fc.nat(3), invited: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave' as const), target: fc.nat(3), kicked: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(3) }) },
);
const actionsArb = fc.array(actionArb, { minLength: 1, maxLength: 4 });

export const caseArb: fc.Arbitrary<Case> = fc.record({
  apps: fc.array(fc.record({ shape: shapeArb, plan: planArb }), { minLength: 1, maxLength: 5 }),
  actions: actionsArb,
});

export function poolApp(shape: Shape): PoolApp {
  const on = (f: Flags) => INTERFACES.filter((i) => f[i]);
  const implemented = on(shape.implements);
  return {
    implements: implemented,
    missing: implemented.filter((i) => shape.missing[i]),
    checks: on(shape.checks).filter((i) => checkOf(i) !== null),
    stray: on(shape.stray).filter((i) => !shape.implements[i]),
  };
}

/** Only the behaviours of methods the app writes (smaller, readable scenario files). */
export function planFor(app: PoolApp, plan: Record<string, string>): Record<string, string> {
  const written = new Set<string>();
  for (const i of app.implements) if (!app.missing.includes(i)) written.add(executeOf(i));
  for (const i of app.stray) written.add(executeOf(i));
  for (const i of app.checks) written.add(checkOf(i)!);
  return Object.fromEntries(Object.entries(plan).filter(([m]) => written.has(m)));
}

/**
 * Cases as one batch. Cases share pool apps of the same shape (each pool app is compiled and
 * started once; its behaviour table is per pipeline), so the n-th app of a given shape within one
 * case is the n-th pool app of that shape: a case with two apps of one shape gets two apps.
 */
export function batchOfCases(cases: Case[]): Batch {
  const pool: PoolApp[] = [];
  const byShape = new Map<string, number[]>();
  const pipelines: Pipeline[] = cases.map((c) => {
    const seen = new Map<string, number>();
    const apps = c.apps.map((a) => {
      const app = poolApp(a.shape);
      const key = JSON.stringify(app);
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const slots = byShape.get(key) ?? [];
      byShape.set(key, slots);
      if (slots.length <= nth) slots.push(pool.push(app) - 1);
      return slots[nth]!;
    });
    return { apps, plans: c.apps.map((a, j) => planFor(pool[apps[j]!]!, a.plan)), actions: c.actions };
  });
  return { pool, pipelines };
}

export interface BatchDraw {
  pool: Shape[];
  pipelines: { apps: number[]; plans: Record<string, string>[]; actions: ActionSpec[] }[];
}

export function batchDrawArb(poolSize: number, pipelines: number): fc.Arbitrary<BatchDraw> {
  const indices = [...Array(poolSize).keys()];
  return fc.record({
    pool: fc.array(shapeArb, { minLength: poolSize, maxLength: poolSize }),
    pipelines: fc.array(
      fc.record({
        apps: fc.shuffledSubarray(indices, { minLength: 1, maxLength: Math.min(5, poolSize) }),
        plans: fc.array(planArb, { minLength: 5, maxLength: 5 }),
        actions: actionsArb,
      }),
      { minLength: pipelines, maxLength: pipelines },
    ),
  });
}

export function batchOfDraw(draw: BatchDraw): Batch {
  const pool = draw.pool.map(poolApp);
  return {
    pool,
    pipelines: draw.pipelines.map((p) => ({ apps: p.apps, plans: p.apps.map((poolIndex, j) => planFor(pool[poolIndex]!, p.plans[j]!)), actions: p.actions })),
  };
}

/** Pipeline k of a drawn batch as a standalone case (the value the shrinker starts from). */
export function caseOfDraw(draw: BatchDraw, k: number): Case {
  const p = draw.pipelines[k]!;
  return { apps: p.apps.map((poolIndex, j) => ({ shape: draw.pool[poolIndex]!, plan: p.plans[j]! })), actions: p.actions };
}
