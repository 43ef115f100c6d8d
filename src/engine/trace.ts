/**
 * The engine's typed event stream: one event per step of a run. The UI, the headless runner and
 * the tests only project this stream; nothing else reports what happened.
 */
import type { LogLevel, Preview, WireError } from '../protocol/runtime-protocol.ts';
import type { RoomEvent } from './events.ts';
import type { ProfileId } from './profiles.ts';
import type { DroppedField, FieldChange } from './world/convert.ts';
import type { HostError } from './errors.ts';
import type { ActionInput } from './actions.ts';
import type { PlanStep } from './plan.ts';

/** How one listener call (check or execute) ended. */
export type CallStatus =
  /** Answered with a value (possibly null). */
  | 'returned'
  /** Threw a generic error: the host swallowed it (spec section 5). */
  | 'threw'
  /** Threw an AppsEngineException (or subclass): it propagated and stopped the loop. */
  | 'threw-apps-engine'
  /** The method does not exist although the interface is listed: "method not found" escaped the loop. */
  | 'not-found'
  /** The runtime refused the call because its room argument was null (Extend/Modify chain broken). */
  | 'invalid-params'
  /** No answer within the timeout: the host treats it as undefined; the worker was replaced. */
  | 'timed-out'
  /** The call could not be made or answered (the app failed to load, its worker died). */
  | 'crashed'
  /** The user pressed Stop: the worker was terminated; the host treats it like a timeout. */
  | 'stopped';

/** Why a listener was not executed. */
export type SkipReason =
  /** Its check method returned a falsy value (or threw generically). */
  | 'check-false'
  /** An earlier Prevent returned truthy or an exception stopped the loop. */
  | 'not-reached'
  /** The Extend/Modify chain was broken by an earlier app: the runtime answers "invalid params". */
  | 'chain-broken'
  /** Legacy profile: the interface is listed but the execute method does not exist, so it is not called. */
  | 'method-missing';

export interface CallRef {
  callId: string;
  appId: string;
  event: RoomEvent;
  method: string;
  role: 'check' | 'execute';
}

export type TraceEvent =
  | { type: 'run-start'; runId: string; at: number; action: ActionInput; profile: ProfileId; timeoutMs: number; origin: RunOrigin; plan: PlanStep[] }
  | { type: 'phase-start'; runId: string; at: number; event: RoomEvent; listeners: string[]; awaited: boolean }
  /** Step-through: the call is about to be made and waits for the user (or the slow-motion delay). */
  | {
      type: 'call-paused';
      runId: string;
      at: number;
      call: CallRef;
      /** What the call will receive (as in call-start); absent in traces recorded before it was added. */ args?: unknown[];
    }
  | { type: 'call-start'; runId: string; at: number; call: CallRef; args: unknown[] }
  | {
      type: 'call-end';
      runId: string;
      at: number;
      call: CallRef;
      status: CallStatus;
      durationMs: number;
      /**
       * Cold start: how long the call waited for the app's runtime to load (start the worker,
       * compile, construct, initialize, enable) before it was made; not part of `durationMs`.
       * Absent when the app was already loaded.
       */
      loadMs?: number;
      /** The first call a fresh runtime answered: `durationMs` includes the runtime's warm-up (first compile of the code paths). */
      firstCall?: true;
      result?: unknown;
      error?: WireError;
      /** What the host made of the answer, in plain words ("prevented", "treated as not prevented"...). */
      effect: string;
    }
  | { type: 'call-pending'; runId: string; at: number; call: CallRef; timers: number; intervals: number; requests: number }
  | { type: 'listener-skipped'; runId: string; at: number; appId: string; event: RoomEvent; reason: SkipReason }
  /** `afterReturn`: made by work the call started without `await`, after its handler had returned (spec 7.2). */
  | {
      type: 'accessor';
      runId: string;
      at: number;
      callId: string | null;
      appId: string;
      op: string;
      args: unknown[];
      write: boolean;
      ok: boolean;
      result?: unknown;
      error?: string;
      durationMs: number;
      afterReturn?: true;
    }
  | {
      type: 'log';
      runId: string;
      at: number;
      callId: string | null;
      appId: string;
      level: LogLevel;
      source: 'console' | 'logger';
      args: Preview[];
      site?: string;
      afterReturn?: true;
    }
  /**
   * The work a call started without `await` is over (spec 7.2), emitted when there was some: it
   * finished `afterMs` after the handler returned, having made `effects` accessor calls and log
   * lines (each marked `afterReturn`); `intervals` it left running are not waited for; `cut` says
   * why the run stopped waiting before it finished (the bound, or the worker stopped).
   */
  | { type: 'call-settled'; runId: string; at: number; call: CallRef; afterMs: number; effects: number; intervals: number; note: string; cut?: string }
  /** Log lines dropped beyond the per-call cap: a running total (the latest event of a call counts). */
  | { type: 'logs-dropped'; runId: string; at: number; callId: string | null; appId: string; count: number }
  | { type: 'phase-end'; runId: string; at: number; event: RoomEvent; summary: string; preventedBy?: string; stoppedBy?: string }
  | { type: 'merge'; runId: string; at: number; applied: FieldChange[]; dropped: DroppedField[]; chainBroken: boolean; note: string }
  | { type: 'commit'; runId: string; at: number; what: CommitKind; roomId: string; room: unknown; userId?: string }
  | { type: 'outcome'; runId: string; at: number; outcome: Outcome; error: HostError | null; roomId: string | null; summary: string }
  | { type: 'background-start'; runId: string; at: number; event: RoomEvent }
  | { type: 'background-end'; runId: string; at: number; event: RoomEvent }
  | { type: 'run-settled'; runId: string; at: number }
  | { type: 'runtime-problem'; runId: string | null; at: number; appId: string; problem: string }
  | { type: 'worker-restarted'; runId: string | null; at: number; appId: string; reason: string };

export type Outcome = 'completed' | 'prevented' | 'failed';
export type CommitKind = 'room-created' | 'room-deleted' | 'member-added' | 'member-removed' | 'room-updated';

/** Who started a run: the user (UI or scenario step) or an app through `modify`. */
export type RunOrigin = { kind: 'user' } | { kind: 'app'; appId: string; parentRunId: string | null };

export type TraceListener = (event: TraceEvent) => void;

/**
 * Collects events; subscribers see them live. `keep` bounds the events held in memory (a long
 * browser session streams thousands of runs into its own history; the headless runner keeps all).
 */
export class TraceBus {
  private readonly listeners = new Set<TraceListener>();
  private kept: TraceEvent[] = [];

  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  /** The events still held, oldest first. */
  get events(): readonly TraceEvent[] {
    return this.kept;
  }

  emit(event: TraceEvent): void {
    this.kept.push(event);
    // Trim in batches so a steady stream does not copy the array on every event.
    if (this.kept.length > this.keep * 1.25) this.kept = this.kept.slice(this.kept.length - this.keep);
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  forRun(runId: string): TraceEvent[] {
    return this.events.filter((e) => e.runId === runId);
  }
}
