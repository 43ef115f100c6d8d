/**
 * zod schemas for what a share link carries besides the workspace: the actions and the trace
 * events of recorded runs. A link comes from a stranger: every event is checked as a whole
 * (types, enums, sizes) before any of it reaches the graph, the inspector or the console.
 * Unknown keys are dropped; values an app produced (arguments, results, rooms) stay opaque JSON.
 */
import { isProfileId, ROOM_EVENTS, type ActionInput, type TraceEvent } from '../engine/index.ts';
import { z } from 'zod';

/** Limits of one shared link (a link is meant to be pasted into a chat, not to carry a database). */
export const SHARE_LIMITS = { runs: 50, eventsPerRun: 4000, text: 20_000, list: 500 } as const;

const text = z.string().max(SHARE_LIMITS.text);
const id = z.string().min(1).max(200);
const at = z.number().finite();
const event = z.enum(ROOM_EVENTS);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(SHARE_LIMITS.list);
const json = z.unknown();

const username = z.string().min(1).max(200);
export const actionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('createRoom'),
    name: z.string().max(200),
    type: z.enum(['c', 'p', 'd']),
    creator: username,
    members: list(username).optional(),
    readOnly: z.boolean().optional(),
    displayName: z.string().max(200).optional(),
    customFields: z.record(z.string(), json).optional(),
    description: text.optional(),
  }),
  z.object({ action: z.literal('deleteRoom'), room: id, by: username.optional() }),
  z.object({ action: z.literal('joinRoom'), room: id, user: username, inviter: username.optional() }),
  z.object({ action: z.literal('leaveRoom'), room: id, user: username, removedBy: username.optional() }),
]);

const hostError = z.object({ code: text, message: text, unmapped: z.boolean().optional() });
const wireError = z.object({
  code: z.union([z.literal(-32070), z.literal(-32601), z.literal(-32602), z.literal(-32603)]),
  name: text,
  className: text,
  message: text,
  stack: text.optional(),
  thrownKind: z.enum(['error', 'string', 'null', 'undefined', 'object', 'other']).optional(),
  messageMissing: z.boolean().optional(),
});
const callRef = z.object({ callId: id, appId: id, event, method: text, role: z.enum(['check', 'execute']) });

type PreviewShape =
  | { t: 'str' | 'num' | 'date' | 'sym'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' | 'undef' | 'cycle' | 'trunc' }
  | { t: 'fn'; name: string }
  | { t: 'err'; className: string; message: string; stack?: string | undefined }
  | { t: 'arr' | 'set'; items: PreviewShape[]; more: number }
  | { t: 'obj'; className: string; entries: [string, PreviewShape][]; more: number }
  | { t: 'map'; entries: [PreviewShape, PreviewShape][]; more: number };

const preview: z.ZodType<PreviewShape> = z.lazy(() =>
  z.union([
    z.object({ t: z.enum(['str', 'num', 'date', 'sym']), v: text }),
    z.object({ t: z.literal('bool'), v: z.boolean() }),
    z.object({ t: z.enum(['null', 'undef', 'cycle', 'trunc']) }),
    z.object({ t: z.literal('fn'), name: text }),
    z.object({ t: z.literal('err'), className: text, message: text, stack: text.optional() }),
    z.object({ t: z.enum(['arr', 'set']), items: list(preview), more: z.number() }),
    z.object({ t: z.literal('obj'), className: text, entries: list(z.tuple([text, preview])), more: z.number() }),
    z.object({ t: z.literal('map'), entries: list(z.tuple([preview, preview])), more: z.number() }),
  ]),
);

const planStep = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    event,
    awaited: z.boolean(),
    listeners: list(z.object({ appId: id, name: text, loaded: z.boolean() })),
    ignored: list(z.object({ appId: id, name: text, reason: z.enum(['missing-implements', 'disabled', 'not-enabled']), detail: text.optional() })),
  }),
  z.object({ kind: z.literal('host'), label: text, what: z.enum(['commit', 'delete', 'subscribe', 'remove']) }),
]);
const fieldChange = z.object({ field: text, before: json, after: json });
const base = { runId: id, at };
const loose = { runId: id.nullable(), at };

export const traceEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-start'),
    ...base,
    action: actionSchema,
    profile: z.string().refine(isProfileId, 'is not a profile id'),
    timeoutMs: z.number(),
    origin: z.discriminatedUnion('kind', [z.object({ kind: z.literal('user') }), z.object({ kind: z.literal('app'), appId: id, parentRunId: id.nullable() })]),
    plan: z.array(planStep).max(20),
  }),
  z.object({ type: z.literal('phase-start'), ...base, event, listeners: list(id), awaited: z.boolean() }),
  z.object({ type: z.literal('call-paused'), ...base, call: callRef, args: list(json).optional() }),
  z.object({ type: z.literal('call-start'), ...base, call: callRef, args: list(json) }),
  z.object({
    type: z.literal('call-end'),
    ...base,
    call: callRef,
    status: z.enum(['returned', 'threw', 'threw-apps-engine', 'not-found', 'invalid-params', 'timed-out', 'crashed', 'stopped']),
    durationMs: z.number(),
    loadMs: z.number().optional(),
    firstCall: z.literal(true).optional(),
    result: json.optional(),
    error: wireError.optional(),
    effect: text,
  }),
  z.object({ type: z.literal('call-pending'), ...base, call: callRef, timers: z.number(), intervals: z.number(), requests: z.number() }),
  z.object({
    type: z.literal('listener-skipped'),
    ...base,
    appId: id,
    event,
    reason: z.enum(['check-false', 'not-reached', 'chain-broken', 'method-missing']),
  }),
  z.object({
    type: z.literal('accessor'),
    ...base,
    callId: id.nullable(),
    appId: id,
    op: text,
    args: list(json),
    write: z.boolean(),
    ok: z.boolean(),
    result: json.optional(),
    error: text.optional(),
    durationMs: z.number(),
    afterReturn: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('log'),
    ...base,
    callId: id.nullable(),
    appId: id,
    level: z.enum(['debug', 'info', 'log', 'warn', 'error', 'success']),
    source: z.enum(['console', 'logger']),
    args: list(preview),
    site: text.optional(),
    afterReturn: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('call-settled'),
    ...base,
    call: callRef,
    afterMs: z.number(),
    effects: z.number(),
    intervals: z.number(),
    note: text,
    cut: text.optional(),
  }),
  z.object({ type: z.literal('logs-dropped'), ...base, callId: id.nullable(), appId: id, count: z.number() }),
  z.object({ type: z.literal('phase-end'), ...base, event, summary: text, preventedBy: id.optional(), stoppedBy: id.optional() }),
  z.object({
    type: z.literal('merge'),
    ...base,
    applied: list(fieldChange),
    dropped: list(fieldChange.extend({ reason: text })),
    chainBroken: z.boolean(),
    note: text,
  }),
  z.object({
    type: z.literal('commit'),
    ...base,
    what: z.enum(['room-created', 'room-deleted', 'member-added', 'member-removed', 'room-updated']),
    roomId: id,
    room: json,
    userId: id.optional(),
  }),
  z.object({
    type: z.literal('outcome'),
    ...base,
    outcome: z.enum(['completed', 'prevented', 'failed']),
    error: hostError.nullable(),
    roomId: id.nullable(),
    summary: text,
  }),
  z.object({ type: z.literal('background-start'), ...base, event }),
  z.object({ type: z.literal('background-end'), ...base, event }),
  z.object({ type: z.literal('run-settled'), ...base }),
  z.object({ type: z.literal('runtime-problem'), ...loose, appId: id, problem: text }),
  z.object({ type: z.literal('worker-restarted'), ...loose, appId: id, reason: text }),
]);

export const runSummarySchema = z.object({
  outcome: z.enum(['completed', 'prevented', 'failed']),
  error: hostError.nullable(),
  roomId: id.nullable(),
  summary: text,
});

/** Links made before traces were shared: each call's status in words (shown as a list, no graph). */
const legacyCall = z.object({ app: text, method: text, status: text, detail: text, awaited: z.boolean(), effect: text.optional(), error: text.optional() });

export const sharedRunSchema = z
  .object({
    action: actionSchema,
    result: runSummarySchema,
    /** Every trace event of the run (and of the runs apps started inside it). */
    events: z.array(traceEventSchema).max(SHARE_LIMITS.eventsPerRun).optional(),
    calls: list(legacyCall).optional(),
  })
  .superRefine((run, ctx) => {
    if (!run.events) return;
    const first = run.events[0];
    if (!first || first.type !== 'run-start' || first.origin.kind !== 'user') {
      ctx.addIssue({ code: 'custom', path: ['events', 0], message: 'a run trace must begin with the run-start of a user run' });
      return;
    }
    const runs = new Set([first.runId]);
    run.events.forEach((e, i) => {
      if (e.type === 'run-start' && i > 0) {
        if (e.origin.kind !== 'app') ctx.addIssue({ code: 'custom', path: ['events', i], message: 'only one user run per recorded run' });
        else runs.add(e.runId);
      }
      if (e.runId !== null && !runs.has(e.runId))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'runId'], message: `"${e.runId}" is not a run of this trace` });
    });
  });

export type SharedRunData = z.output<typeof sharedRunSchema>;

/** The validated events as the engine's type (the schema mirrors TraceEvent; unknown keys were dropped). */
export const asTrace = (events: SharedRunData['events']): TraceEvent[] => (events ?? []) as unknown as TraceEvent[];
export const asAction = (action: SharedRunData['action']): ActionInput => action as ActionInput;

// Compile-time guard against drift: every trace event type the engine emits has a schema here.
type SchemaEventType = z.infer<typeof traceEventSchema>['type'];
const everyEventTypeHasASchema: [TraceEvent['type']] extends [SchemaEventType] ? true : never = true;
void everyEventTypeHasASchema;
