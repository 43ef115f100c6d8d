/**
 * Runs one action under one profile in a fresh engine (own world copy, sequential ids, fixed clock)
 * so that runs under different profiles are comparable field by field.
 */
import type { AppDefinition } from '../apps/app-manifest.ts';
import type { TransportFactory } from '../apps/transport.ts';
import { Engine } from '../engine.ts';
import { fixedClock, sequentialIds, systemClock, systemScheduler } from '../env.ts';
import { EVENT_SPECS, type RoomEvent } from '../events.ts';
import type { ActionInput } from '../actions.ts';
import type { HostError } from '../errors.ts';
import type { ProfileId } from '../profiles.ts';
import type { CallStatus, Outcome, SkipReason, TraceEvent } from '../trace.ts';
import { toAppRoom, type AppRoom } from '../world/convert.ts';
import type { WorldState } from '../world/types.ts';

/** The same start for every profile: the timestamps written into the world match. */
export const COMPARE_EPOCH = Date.UTC(2026, 0, 1);

export interface CompareInput {
  apps: AppDefinition[];
  world: WorldState;
  action: ActionInput;
  /** Per-call timeout for every profile; omitted = each profile's own default. */
  timeoutMs?: number;
}

/** One handler call (or a listener the host skipped) as the comparison shows it. */
export interface ComparedCall {
  appId: string;
  event: RoomEvent;
  method: string;
  role: 'check' | 'execute';
  status: CallStatus | `skipped:${SkipReason}`;
  /** What the host made of it, in plain words (absent for skipped listeners). */
  effect?: string;
  result?: unknown;
  /** `ClassName: message` of a thrown error. */
  error?: string;
}

export interface ProfileRun {
  profile: ProfileId;
  outcome: Outcome;
  error: HostError | null;
  /** The room the action committed (after it), in the shape apps see; null when there is none. */
  room: AppRoom | null;
  calls: ComparedCall[];
  /** Wall time of the action including the Post handlers the host does not await. */
  durationMs: number;
  timeoutMs: number;
  /** The whole trace of the run (for a side-by-side graph). */
  events: TraceEvent[];
}

export async function runUnderProfile(input: CompareInput, profile: ProfileId, transports: TransportFactory): Promise<ProfileRun> {
  const clock = fixedClock(COMPARE_EPOCH);
  const engine = new Engine({
    transports,
    env: { clock: { now: clock.now, monotonic: systemClock.monotonic }, ids: sequentialIds(), scheduler: systemScheduler },
    world: structuredClone(input.world),
    profile,
    ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
  });
  try {
    for (const app of input.apps) await engine.installApp(structuredClone(app));
    const started = systemClock.monotonic();
    const result = await engine.run(input.action);
    await result.settled;
    await engine.settle();
    const durationMs = Math.max(0, systemClock.monotonic() - started);
    const committed = result.roomId ? engine.world.roomById(result.roomId) : undefined;
    const events = engine.trace.events.filter((e) => e.runId === result.runId);
    return {
      profile,
      outcome: result.outcome,
      error: result.error,
      room: committed ? toAppRoom(engine.world, committed) : null,
      calls: callsOf(events),
      durationMs,
      timeoutMs: engine.timeoutMs,
      events,
    };
  } finally {
    engine.dispose();
  }
}

function callsOf(events: TraceEvent[]): ComparedCall[] {
  const out: ComparedCall[] = [];
  for (const e of events) {
    if (e.type === 'call-end') {
      out.push({
        appId: e.call.appId,
        event: e.call.event,
        method: e.call.method,
        role: e.call.role,
        status: e.status,
        effect: e.effect,
        ...(e.status === 'returned' ? { result: e.result ?? null } : {}),
        ...(e.error ? { error: `${e.error.className}: ${e.error.message}` } : {}),
      });
    }
    if (e.type === 'listener-skipped') {
      out.push({ appId: e.appId, event: e.event, method: EVENT_SPECS[e.event].execute, role: 'execute', status: `skipped:${e.reason}` });
    }
  }
  return out;
}
