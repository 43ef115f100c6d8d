/**
 * What the two sides are compared on, per step: the host's error (code and message; `null` when
 * the action completed), the methods that ran with their status in order, and the room the step
 * touched; after the last step, every room of the world. A check call answered "method not found"
 * did not run (the engine treats it as `true`) and is left out on both sides.
 */
import type { ScenarioReport } from '../src/scenario/run-scenario.ts';

export interface SideStep {
  error: { code: string; message: string } | null;
  calls: string[];
  room: NormalRoom | null;
}
export interface NormalRoom {
  name: string;
  type: string;
  displayName: string | null;
  creator: string;
  members: string[];
  isReadOnly: boolean;
  customFields: Record<string, unknown> | null;
  description: string | null;
}
export interface Side {
  steps: SideStep[];
  rooms: NormalRoom[];
}

const HOOKSCOPE_STATUS: Record<string, string> = {
  returned: 'returned',
  threw: 'threw',
  'threw-apps-engine': 'threw-apps-engine',
  'not-found': 'not-found',
  crashed: 'threw',
  stopped: 'timed-out',
  'timed-out': 'timed-out',
  'invalid-params': 'invalid-params',
};

export function normalRoom(r: {
  slugifiedName: string;
  type: string;
  displayName?: string | null;
  creator: string;
  members: string[];
  isReadOnly?: boolean;
  customFields?: Record<string, unknown> | null;
  description?: string | null;
}): NormalRoom {
  return {
    name: r.slugifiedName,
    type: r.type,
    displayName: r.displayName ?? null,
    creator: r.creator,
    members: [...r.members].sort(),
    isReadOnly: !!r.isReadOnly,
    customFields: r.customFields && Object.keys(r.customFields).length ? sortKeys(r.customFields) : null,
    description: r.description ?? null,
  };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export function hookscopeSide(report: ScenarioReport): Side {
  const steps = report.steps.map((s) => {
    const calls = s.calls
      .filter((c) => c.detail in HOOKSCOPE_STATUS && !(c.role === 'check' && c.detail === 'not-found'))
      .map((c) => `${c.app}.${c.method}:${HOOKSCOPE_STATUS[c.detail]}`);
    const room = s.room as Parameters<typeof normalRoom>[0] | null;
    return { error: s.error ? { code: s.error.code, message: s.error.message } : null, calls, room: room ? normalRoom(room) : null };
  });
  const rooms = report.world.rooms.map((r) => normalRoom(r)).sort((a, b) => a.name.localeCompare(b.name));
  return { steps, rooms };
}

export interface Difference {
  where: string;
  hookscope: unknown;
  real: unknown;
}

export function differences(h: Side, r: Side): Difference[] {
  const out: Difference[] = [];
  const n = Math.max(h.steps.length, r.steps.length);
  for (let i = 0; i < n; i++) {
    const a = h.steps[i];
    const b = r.steps[i];
    if (!a || !b) {
      out.push({ where: `step ${i}`, hookscope: a ?? null, real: b ?? null });
      continue;
    }
    if (JSON.stringify(a.error) !== JSON.stringify(b.error)) out.push({ where: `step ${i} host error`, hookscope: a.error, real: b.error });
    if (JSON.stringify(a.calls) !== JSON.stringify(b.calls)) out.push({ where: `step ${i} calls`, hookscope: a.calls, real: b.calls });
    if (a.room && b.room && JSON.stringify(a.room) !== JSON.stringify(b.room)) out.push({ where: `step ${i} room`, hookscope: a.room, real: b.room });
  }
  if (JSON.stringify(h.rooms) !== JSON.stringify(r.rooms)) out.push({ where: 'world rooms', hookscope: h.rooms, real: r.rooms });
  return out;
}
