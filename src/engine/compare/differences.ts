/**
 * Where runs of the same action under different profiles differ (outcome, error, each field of the
 * committed room, the calls) and which spec §8 rule(s) explain each difference. Pure.
 */
import type { RoomEvent } from '../events.ts';
import { PROFILES, type ProfileId } from '../profiles.ts';
import { SWITCH_RULES, type DifferenceKind, type RuleContext } from './rules.ts';
import type { ProfileRun } from './run-under-profile.ts';

export interface Difference {
  /** `outcome`, `error`, `calls`, `room` (a room in some runs only) or `room.<field>`. */
  what: 'outcome' | 'error' | 'calls' | 'room' | `room.${string}`;
  values: Partial<Record<ProfileId, unknown>>;
  /** The rule(s) responsible, in plain words, citing spec §8. */
  rules: string[];
  /** Ids of those rules (see SWITCH_RULES). */
  ruleIds: string[];
}

const key = (v: unknown) => JSON.stringify(v) ?? 'undefined';

/** Events that had listeners in at least one run. */
export function eventsWithListeners(runs: ProfileRun[]): RoomEvent[] {
  const events = new Set<RoomEvent>();
  for (const run of runs) for (const e of run.events) if (e.type === 'phase-start' && e.listeners.length > 0) events.add(e.event);
  return [...events];
}

export function findDifferences(runs: ProfileRun[]): Difference[] {
  const ctx: RuleContext = { events: eventsWithListeners(runs), runs };
  const out: Difference[] = [];
  const add = (what: Difference['what'], kind: DifferenceKind, pick: (r: ProfileRun) => unknown) => {
    const values = Object.fromEntries(runs.map((r) => [r.profile, pick(r)])) as Partial<Record<ProfileId, unknown>>;
    if (new Set(runs.map((r) => key(pick(r)))).size <= 1) return;
    const { rules, ruleIds } = responsibleRules(kind, runs, pick, ctx);
    out.push({ what, values, rules, ruleIds });
  };

  add('outcome', 'outcome', (r) => r.outcome);
  add('error', 'error', (r) => r.error);
  if (new Set(runs.map((r) => r.room === null)).size > 1) {
    add('room', 'room', (r) => r.room);
  } else {
    const fields = [...new Set(runs.flatMap((r) => Object.keys(r.room ?? {})))].sort();
    for (const field of fields) add(`room.${field}`, 'room', (r) => (r.room as Record<string, unknown> | null)?.[field]);
  }
  add('calls', 'calls', (r) => r.calls.map((c) => `${c.appId} ${c.method} ${c.status}`));
  return out;
}

/**
 * The switches that differ between two profiles whose values differ, concern an event of this
 * action, and can cause this kind of difference. Switches that differ in EVERY such pair are
 * preferred (one of them explains it alone); among those, the ones the runs show at work (a
 * timeout, a frozen-object error, a missing method) are cited if there are any.
 */
function responsibleRules(
  kind: DifferenceKind,
  runs: ProfileRun[],
  pick: (r: ProfileRun) => unknown,
  ctx: RuleContext,
): { rules: string[]; ruleIds: string[] } {
  const pairs: [ProfileRun, ProfileRun][] = [];
  for (const [i, a] of runs.entries()) for (const b of runs.slice(i + 1)) if (key(pick(a)) !== key(pick(b))) pairs.push([a, b]);
  const candidates = SWITCH_RULES.filter(
    (rule) =>
      rule.explains.includes(kind) &&
      rule.events.some((e) => ctx.events.includes(e)) &&
      pairs.some(([a, b]) => rule.differs(PROFILES[a.profile], PROFILES[b.profile], ctx)),
  );
  // A switch that differs in every pair explains the difference alone; otherwise several are needed.
  const coverAll = candidates.filter((rule) => pairs.every(([a, b]) => rule.differs(PROFILES[a.profile], PROFILES[b.profile], ctx)));
  const pool = coverAll.length ? coverAll : candidates;
  const evident = pool.filter((rule) => rule.evident(ctx));
  const chosen = evident.length ? evident : pool;
  const profiles = runs.map((r) => PROFILES[r.profile]);
  return { rules: chosen.map((rule) => rule.describe(profiles, ctx)), ruleIds: chosen.map((rule) => rule.id) };
}
