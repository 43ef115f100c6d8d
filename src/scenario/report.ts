/** Projects a run's trace onto the runner's report (the JSON `hookscope run` prints). */
import type { WireError } from '../protocol/runtime-protocol.ts';
import type { Engine } from '../engine/engine.ts';
import type { HostError } from '../engine/errors.ts';
import type { CallStatus, TraceEvent } from '../engine/trace.ts';
import { EVENT_SPECS } from '../engine/events.ts';
import { previewText } from './preview-text.ts';

export type ReportStatus = 'returned' | 'threw' | 'timed-out' | 'skipped' | 'not-reached';

export interface ReportCall {
  /** The app's id. */
  app: string;
  /** The app's name (app.json `name`). */
  appName?: string;
  interface: string;
  method: string;
  role: 'check' | 'execute';
  status: ReportStatus;
  /** The finer status: `threw-apps-engine`, `not-found`, `invalid-params`, `check-false`, ... */
  detail: string;
  /** False for Post handlers the host does not wait for. */
  awaited: boolean;
  /** What the host made of it, in words. */
  effect?: string;
  result?: unknown;
  error?: { className: string; name: string; message: string; stack?: string };
  durationMs?: number;
  /**
   * What the work this call started without `await` did after its handler returned (spec 7.2):
   * the accessor operations, in order, and a note (how it ended; `cut` when the run stopped waiting).
   */
  afterReturn?: { ops: string[]; logs: number; note: string; cut?: string };
  /** Set when the call ran inside an action an app started during the step: its index in the step's `appRuns`. */
  appRun?: number;
}

export interface ReportLog {
  app: string;
  method: string | null;
  level: string;
  text: string;
  site?: string;
  /** Logged by work the call started without `await`, after its handler returned. */
  afterReturn?: true;
}

export interface StepReport {
  step: number;
  action: string;
  outcome: 'completed' | 'prevented' | 'failed';
  error: HostError | null;
  summary: string;
  room: unknown;
  calls: ReportCall[];
  logs: ReportLog[];
  /** Runs an app set off through `modify` while this step ran (rooms it created, members it added...). */
  appRuns: { app: string; action: string; outcome: string; error: HostError | null }[];
  /** Messages posted while the step ran (by apps or by the host). */
  messages: ReportMessage[];
  /** Notifications (ephemeral messages) apps sent while the step ran. */
  notifications: ReportNotification[];
  /** HTTP requests apps made while the step ran (`http` accessor and `fetch`), each answered by a mock or refused. */
  http: ReportHttp[];
  /** The step's `expect` and what happened; `failures` says why in words. */
  expectation?: { ok: boolean; expected: unknown; actual: { outcome: string; errorCode: string | null }; failures: string[] };
}

export type ReportMessage = ReturnType<typeof finalWorld>['messages'][number];

export interface ReportNotification {
  app: string;
  /** The user it went to (username), when sent to a user. */
  user?: string;
  room?: string;
  text: string | null;
}

export interface ReportHttp {
  app: string;
  /** Upper case: GET, POST, DELETE... */
  method: string;
  /** The URL requested, with the request's query parameters. */
  url: string;
  /** The mock's status; null when no mock matched or the mock answered with an error. */
  status: number | null;
  /** Why the app got an error instead of a response (no mock matched, or the mock's `error`). */
  error?: string;
  /** What the app passed with the request (content, data, headers, params), as it sent them. */
  request: unknown;
}

/** The HTTP requests from index `from` of the world's log on, as the report prints them. */
export function httpOf(engine: Engine, from: number): ReportHttp[] {
  return engine.world.data.httpLog.slice(from).map((e) => ({
    app: e.appId,
    method: e.method,
    url: e.url,
    status: e.status,
    ...(e.error !== undefined ? { error: e.error } : {}),
    request: e.request,
  }));
}

/** The world's notifications from index `from` on, as the report prints them. */
export function notificationsOf(engine: Engine, from: number): ReportNotification[] {
  const w = engine.world;
  return w.data.notifications.slice(from).map((n) => {
    const roomId = n.target.kind === 'room' ? n.target.roomId : n.roomId;
    const room = roomId ? w.roomById(roomId)?.slugifiedName || roomId : undefined;
    return {
      app: n.appId,
      ...(n.target.kind === 'user' ? { user: w.userById(n.target.userId)?.username ?? n.target.userId } : {}),
      ...(room !== undefined ? { room } : {}),
      text: n.text ?? null,
    };
  });
}

const STATUS: Record<CallStatus, ReportStatus> = {
  returned: 'returned',
  threw: 'threw',
  'threw-apps-engine': 'threw',
  'not-found': 'threw',
  crashed: 'threw',
  stopped: 'timed-out',
  'timed-out': 'timed-out',
  'invalid-params': 'skipped',
};

function errorOf(e: WireError | undefined) {
  if (!e) return undefined;
  return { className: e.className, name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) };
}

/**
 * The handler calls of run `runId`, in the order they happened, and those of the runs apps started
 * during it (`appRuns`: run id -> index in the step's `appRuns`, each call marked with it).
 */
export function callsOf(events: readonly TraceEvent[], runId: string, timings: boolean, appRuns: ReadonlyMap<string, number> = new Map()): ReportCall[] {
  const awaited = new Map<string, boolean>();
  const calls: ReportCall[] = [];
  for (const e of events) {
    const appRun = typeof e.runId === 'string' ? appRuns.get(e.runId) : undefined;
    if (e.runId !== runId && appRun === undefined) continue;
    const nested = appRun === undefined ? {} : { appRun };
    if (e.type === 'phase-start') awaited.set(`${e.runId}:${e.event}`, e.awaited);
    if (e.type === 'call-end') {
      const error = errorOf(e.error);
      calls.push({
        app: e.call.appId,
        interface: e.call.event,
        method: e.call.method,
        role: e.call.role,
        status: STATUS[e.status],
        detail: e.status,
        awaited: awaited.get(`${e.runId}:${e.call.event}`) ?? true,
        effect: e.effect,
        ...(e.status === 'returned' ? { result: e.result ?? null } : {}),
        ...(error ? { error } : {}),
        ...(timings ? { durationMs: Math.round(e.durationMs * 100) / 100 } : {}),
        ...nested,
      });
    }
    if (e.type === 'call-settled') {
      const call = [...calls].reverse().find((c) => c.app === e.call.appId && c.method === e.call.method && c.role === e.call.role && c.appRun === appRun);
      const late = events.filter((x) => (x.type === 'accessor' || x.type === 'log') && x.callId === e.call.callId && x.afterReturn);
      if (call) {
        call.afterReturn = {
          ops: late.flatMap((x) => (x.type === 'accessor' ? [x.op] : [])),
          logs: late.filter((x) => x.type === 'log').length,
          note: e.note,
          ...(e.cut !== undefined ? { cut: e.cut } : {}),
        };
      }
    }
    if (e.type === 'listener-skipped') {
      calls.push({
        app: e.appId,
        interface: e.event,
        method: EVENT_SPECS[e.event].execute,
        role: 'execute',
        status: e.reason === 'not-reached' ? 'not-reached' : 'skipped',
        detail: e.reason,
        awaited: awaited.get(`${e.runId}:${e.event}`) ?? true,
        ...nested,
      });
    }
  }
  return calls;
}

export function logsOf(events: readonly TraceEvent[], runIds: Set<string>, methodOf: (callId: string | null) => string | null): ReportLog[] {
  const logs: ReportLog[] = [];
  for (const e of events) {
    if (!runIds.has(e.runId ?? '')) continue;
    if (e.type === 'log') {
      logs.push({
        app: e.appId,
        method: methodOf(e.callId),
        level: e.level,
        text: e.args.map((a) => previewText(a)).join(' '),
        ...(e.site !== undefined ? { site: e.site } : {}),
        ...(e.afterReturn ? { afterReturn: true as const } : {}),
      });
    }
    if (e.type === 'logs-dropped') logs.push({ app: e.appId, method: methodOf(e.callId), level: 'warn', text: `${e.count} log lines dropped` });
  }
  return logs;
}

/** The world at the end, as the runner prints it. */
export function finalWorld(engine: Engine) {
  const w = engine.world;
  const name = (id: string) => w.userById(id)?.username ?? id;
  return {
    rooms: w.data.rooms.map((r) => ({
      id: r.id,
      slugifiedName: r.slugifiedName,
      displayName: r.displayName ?? null,
      type: r.type,
      creator: name(r.creatorId),
      members: r.memberIds.map(name),
      owners: r.ownerIds.map(name),
      isReadOnly: r.isReadOnly,
      customFields: r.customFields ?? null,
      description: r.description ?? null,
    })),
    messages: w.data.messages.map((m) => ({
      id: m.id,
      room: w.roomById(m.roomId)?.slugifiedName || m.roomId,
      sender: name(m.senderId),
      text: m.text ?? null,
      ...(m.system ? { system: m.system } : {}),
      ...(m.appId ? { app: m.appId } : {}),
    })),
    notifications: w.data.notifications,
    persistence: w.data.persistence,
  };
}
