/**
 * The one message protocol between the host (engine, main thread or Node) and an app runtime
 * (one worker per app). Each message is written once, as a schema (./schema.ts): its type is
 * inferred from it, and its guard is {@link parseRuntimeMessage} (everything that arrives from a
 * runtime, checked before the host acts on it: app code runs in that worker and may forge
 * messages) or {@link checkHostMessage} (what the runtime accepts from the host). Each accessor
 * operation is written once too, in {@link ACCESSOR_OP_SPECS}: its arguments, its result and
 * whether it writes; the runtime's requests and the host's bridges are both typed from it.
 *
 * Flow: host sends `load`, runtime answers `loaded`. Host sends `call`; while it runs the runtime
 * may send `request`s (accessor calls: reads and writes the host answers from its world) and
 * `log`s; it finishes with one `result`, which also counts what the handler left behind (timers,
 * unanswered requests: `pending`). One post per call.
 *
 * Liveness: while a call is in flight the host sends a `ping` every few milliseconds and the
 * runtime answers `pong` from its message handler, so the host knows at the call's timeout whether
 * the worker's event loop is still turning (a merely waiting app) or stuck (an endless loop).
 */
import type { Infer, Schema } from './schema.ts';
import {
  array,
  boolean,
  count,
  custom,
  isObj,
  lazy,
  literal,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  tuple,
  variants,
  withProblem,
} from './schema.ts';
import type { Wire } from './wire.ts';
import { isWire } from './wire.ts';

export const PROTOCOL_VERSION = 1 as const;

/** JSON-RPC error codes the Apps-Engine runtime uses (spec section 5). */
export const RPC = {
  appsEngineException: -32070,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
} as const;
export type RpcCode = (typeof RPC)[keyof typeof RPC];

// ---------------------------------------------------------------------------------------------
// The parts of messages.

// Every schema is made by a function, called when a guard is first used: a bundle that uses one
// direction's guard (the runtime uses checkHostMessage, the host parseRuntimeMessage) leaves the
// other direction's schemas out.

/** The type of what a schema-making function's schema accepts. */
type Built<F extends () => Schema<unknown>> = Infer<ReturnType<F>>;

/** A {@link Wire} from a runtime: a base64 msgpack document (decoded to be sure). */
const wire = () => custom(isWire, 'is not serializable data');
/**
 * A {@link Wire} from the host, which is trusted: not checked here (decoding it twice would cost
 * every call and answer); a bad one fails where the runtime decodes it.
 */
const hostWire = () => custom((_x: unknown): _x is Wire => true, '');
const version = () => literal(PROTOCOL_VERSION);

const wireError = () =>
  object({
    code: literal(...Object.values(RPC)),
    /** `error.name` as the app left it (all Apps-Engine exceptions say "AppsEngineException"). */
    name: string,
    /** The constructor's name (UserNotAllowedException, TypeError, ...), or a description for non-errors. */
    className: string,
    message: string,
    /** Stack with frames rewritten to `<app file>:<line>:<column>` where they point into app code. */
    stack: optional(string),
    /** What was thrown when it was not an Error (a string, null, an object...). */
    thrownKind: optional(literal('error', 'string', 'null', 'undefined', 'object', 'other')),
    /**
     * The error was constructed without a message (`new UserNotAllowedException()`: no own `message`).
     * In Rocket.Chat's Deno runtime such an AppsEngineException cannot be sent back (spec §4).
     */
    messageMissing: optional(boolean),
  });
export type WireError = Built<typeof wireError>;

const appDescriptor = () =>
  object({
    id: string,
    name: string,
    nameSlug: string,
    version: string,
    description: string,
    requiredApiVersion: string,
    author: object({ name: string, support: string, homepage: optional(string) }),
    classFile: string,
    iconFile: optional(string),
  });
export type AppDescriptor = Built<typeof appDescriptor>;

/** Switches of the profile that the runtime itself must honour (spec section 8). */
const runtimeSwitches = () =>
  object({
    /** Inputs are deep-frozen (legacy `vm`). */
    freezeInputs: boolean,
    /** `room.usernames` of the runtime's Room: the array (Deno, vm) or a Promise (Node runtime, RC 8.8+). Omitted = array. */
    roomUsernames: optional(literal('array', 'promise')),
    /**
     * The Room's IRoom fields (and `_USERNAMES`) are own properties from the start, `undefined` until
     * the host's room fills them: the Deno runtime's class fields (Deno compiles with
     * useDefineForClassFields). A returned Room then carries every field, null where unset, to the
     * host. Omitted = only the fields the host sent are own properties.
     */
    roomOwnFields: optional(boolean),
  });
export type RuntimeSwitches = Built<typeof runtimeSwitches>;

/** How the runtime builds one argument of a listener call (mirrors the deno runtime's parseArgs). */
const argSpec = () =>
  variants('kind', {
    /**
     * A room; `wrap` = the runtime's Room class (Pre events) whose `usernames` are `usernames`
     * (the host's `_USERNAMES`, or what the real runtime fetches through the bridge otherwise).
     */
    room: object({ kind: literal('room'), room: hostWire(), wrap: boolean, usernames: array(string) }),
    /** Join/leave context; `context.room` is wrapped with `usernames`. */
    context: object({ kind: literal('context'), context: hostWire(), usernames: array(string) }),
    extender: object({ kind: literal('extender'), room: hostWire() }),
    builder: object({ kind: literal('builder'), room: hostWire() }),
    accessor: object({ kind: literal('accessor'), name: literal('read', 'http', 'persistence', 'modify') }),
    value: object({ kind: literal('value'), value: hostWire() }),
  });
export type ArgSpec = Built<typeof argSpec>;

/**
 * Sent with the `result` of a call that received an IRoomExtender or IRoomBuilder: the room object
 * the extender/builder was constructed over, as the call left it. The legacy profile (node `vm`,
 * same process) applies extender/builder changes IN PLACE to the host's object; this is how they
 * cross the boundary (spec section 8).
 */
const heldRoom = () =>
  object({
    room: wire(),
    /** True when the call returned that very object (e.g. `return builder.getRoom()` before any `setData`). */
    returned: boolean,
  });
export type HeldRoom = Built<typeof heldRoom>;

const LOG_LEVELS = ['debug', 'info', 'log', 'warn', 'error', 'success'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A display-only rendering of a logged value (never re-executed, never structured-cloned raw). */
export type Preview =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'undef' }
  | { t: 'date'; v: string }
  | { t: 'fn'; name: string }
  | { t: 'sym'; v: string }
  | { t: 'err'; className: string; message: string; stack?: string }
  | { t: 'arr'; items: Preview[]; more: number }
  | { t: 'obj'; className: string; entries: [string, Preview][]; more: number }
  | { t: 'map'; entries: [Preview, Preview][]; more: number }
  | { t: 'set'; items: Preview[]; more: number }
  | { t: 'cycle' }
  | { t: 'trunc' };

/** Recursive, so the type is written above and this schema is checked against it; 20 levels at most. */
function preview(): Schema<Preview> {
  const self: Schema<Preview> = lazy(() => cases, 20);
  const cases: Schema<Preview> = variants('t', {
    str: object({ t: literal('str'), v: string }),
    num: object({ t: literal('num'), v: string }),
    bool: object({ t: literal('bool'), v: boolean }),
    null: object({ t: literal('null') }),
    undef: object({ t: literal('undef') }),
    date: object({ t: literal('date'), v: string }),
    fn: object({ t: literal('fn'), name: string }),
    sym: object({ t: literal('sym'), v: string }),
    err: object({ t: literal('err'), className: string, message: string, stack: optional(string) }),
    arr: object({ t: literal('arr'), items: array(self), more: count }),
    obj: object({ t: literal('obj'), className: string, entries: array(tuple(string, self)), more: count }),
    map: object({ t: literal('map'), entries: array(tuple(self, self)), more: count }),
    set: object({ t: literal('set'), items: array(self), more: count }),
    cycle: object({ t: literal('cycle') }),
    trunc: object({ t: literal('trunc') }),
  });
  return self;
}

const settingDeclaration = () =>
  object({
    id: string,
    type: string,
    packageValue: wire(),
    value: optional(wire()),
    required: boolean,
    public: boolean,
    i18nLabel: string,
    i18nDescription: optional(string),
    values: optional(wire()),
  });
export type SettingDeclaration = Built<typeof settingDeclaration>;

/**
 * Where loading an app stopped: its code did not load (transpile, require, construct, initialize),
 * or `onEnable` returned false or threw (`enable`). Either way the app is not enabled (spec 7.2).
 */
export const LOAD_PHASES = ['transpile', 'require', 'construct', 'initialize', 'enable'] as const;
export type LoadPhase = (typeof LOAD_PHASES)[number];

/** What a handler left behind when it returned (sent with its `result`). */
const pendingWork = () =>
  object({
    timers: count,
    intervals: count,
    /** Accessor requests still unanswered-for when the handler returned. */
    requests: count,
  });
export type PendingWork = Built<typeof pendingWork>;

// ---------------------------------------------------------------------------------------------
// Accessor operations: one table.

/**
 * IUser as the host's user converter builds it (RC `converters/users.ts`): what the user ops answer.
 * The runtime hands it to apps as IUser.
 */
export interface AppUser {
  id: string;
  username: string;
  emails: { address: string; verified: boolean }[];
  type: string;
  isEnabled: boolean;
  name: string;
  roles: string[];
  status: string;
  statusConnection: string;
  utcOffset: number;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date;
  appId?: string;
  customFields?: Record<string, unknown>;
}

/** IRoom as the host's room converter builds it (without `usernames`, which travels separately). */
export interface AppRoom {
  id?: string;
  displayName?: string;
  slugifiedName: string;
  type: string;
  /** Absent for a direct message (RC creates DMs without an owner). */
  creator?: AppUser;
  userIds?: string[];
  isDefault?: boolean;
  isReadOnly?: boolean;
  displaySystemMessages?: boolean;
  messageCount?: number;
  createdAt?: Date;
  updatedAt?: Date;
  lastModifiedAt?: Date;
  description?: string;
  customFields?: Record<string, unknown>;
  teamId?: string;
  isTeamMain?: boolean;
  parentRoom?: AppRoom;
  isFederated?: boolean;
  federation?: unknown;
}

/** A persistence association as sent to the host (a RocketChatAssociationRecord's model and id). */
export interface Association {
  model: string;
  id: string;
}

/** One accessor operation: whether it writes, and (as types only) its arguments and its result. */
interface OpSpec<Args extends unknown[], Result> {
  readonly writes: boolean;
  readonly args?: Args;
  readonly result?: Result;
}
const reads = <Args extends unknown[], Result>(): OpSpec<Args, Result> => ({ writes: false });
const writes = <Args extends unknown[], Result>(): OpSpec<Args, Result> => ({ writes: true });

/**
 * Every accessor call an app can make. The app-side objects (src/runtime/accessors) turn
 * Apps-Engine accessor methods into these; the host bridges (src/engine/bridges, `BridgeTable`)
 * answer them. Arguments and results cross as {@link Wire} (msgpack): the types are what the
 * runtime sends and what the bridge returns (the runtime receives it as {@link AccessorAnswer}:
 * `undefined` arrives as null). Objects an app built (messages, rooms, jobs, options) are `object`:
 * the bridges read their fields defensively. `writes`: the op changes the world (the trace marks
 * it; the per-call write budget counts it).
 */
const ACCESSOR_OP_SPECS = {
  // environment: app settings (IAppSettingsRead) and server settings
  'settings.getById': reads<[id: string], object | undefined>(),
  'settings.getValueById': reads<[id: string], unknown>(),
  'settings.update': writes<[setting: { id: string; value: unknown }], void>(),
  'serverSettings.getOneById': reads<[id: string], object>(),
  'serverSettings.getValueById': reads<[id: string], unknown>(),
  // users (IUserRead)
  'user.getById': reads<[id: string], AppUser | undefined>(),
  'user.getByUsername': reads<[username: string], AppUser | undefined>(),
  /** null = the calling app. */
  'user.getAppUser': reads<[appId: string | null], AppUser | undefined>(),
  // rooms (IRoomRead)
  'room.getById': reads<[id: string], AppRoom | undefined>(),
  'room.getByName': reads<[name: string], AppRoom | undefined>(),
  'room.getCreatorUserById': reads<[id: string], AppUser | undefined>(),
  'room.getCreatorUserByName': reads<[name: string], AppUser | undefined>(),
  /** null for a member whose user record is gone. */
  'room.getMembers': reads<[roomId: string], (AppUser | null)[]>(),
  'room.getDirectByUsernames': reads<[usernames: string[]], AppRoom | undefined>(),
  'room.getOwners': reads<[roomId: string], AppUser[]>(),
  /** IMessageRaw objects. */
  'room.getMessages': reads<[roomId: string, options: object], object[]>(),
  // messages (IMessageRead): an IMessage
  'message.getById': reads<[id: string], object | undefined>(),
  // persistence (IPersistenceRead / IPersistence): records are the app's data (any `typeof 'object'`)
  'persistence.read': reads<[id: string], unknown>(),
  'persistence.readByAssociations': reads<[associations: Association[]], unknown[]>(),
  /** The new record's id. */
  'persistence.create': writes<[data: unknown, associations: Association[]], string>(),
  'persistence.update': writes<[id: string, data: unknown, upsert: boolean], string>(),
  'persistence.updateByAssociations': writes<[associations: Association[], data: unknown, upsert: boolean], string>(),
  /** The removed record's data, or undefined. */
  'persistence.remove': writes<[id: string], unknown>(),
  'persistence.removeByAssociations': writes<[associations: Association[]], unknown[] | undefined>(),
  // http (IHttp): method, url, options (IHttpRequest); answers an IHttpResponse
  'http.request': reads<[method: string, url: string, options: object], object>(),
  // modify: creator / updater / deleter / notifier. `kind` says what the builder built.
  /** The created message's or room's id. */
  'modify.creator.finish': writes<[kind: 'message' | 'room' | 'discussion', data: object], string>(),
  /** The room to build over (a read). */
  'modify.updater.room': reads<[roomId: string], AppRoom | undefined>(),
  'modify.updater.finish': writes<[kind: 'message' | 'room', data: object], void>(),
  'modify.deleter.deleteRoom': writes<[roomId: string], void>(),
  'modify.deleter.deleteMessage': writes<[messageId: string | null], void>(),
  'modify.deleter.removeUsersFromRoom': writes<[roomId: string, usernames: string[]], void>(),
  'modify.notifier.notifyUser': writes<[user: object, message: object], void>(),
  'modify.notifier.notifyRoom': writes<[room: object, message: object], void>(),
  // scheduler (ISchedulerModify): recorded and answered, never run (accessors/scheduler.ts)
  /** The job's id. */
  'scheduler.schedule': reads<[kind: 'once' | 'recurring', job: object], string>(),
  /** null = every job of the app. */
  'scheduler.cancel': reads<[jobId: string | null], void>(),
  /** Any Apps-Engine accessor method hookscope does not simulate: the host answers with a clear error. */
  unsupported: reads<[what: string], never>(),
} satisfies Record<string, { readonly writes: boolean }>;

type Specs = typeof ACCESSOR_OP_SPECS;
export type AccessorOp = keyof Specs;
/** Each op's arguments. */
export type AccessorOps = { [Op in AccessorOp]: Specs[Op] extends OpSpec<infer Args, unknown> ? Args : never };
/** Each op's result, as the host's bridge returns it. */
export type AccessorResults = { [Op in AccessorOp]: Specs[Op] extends OpSpec<unknown[], infer Result> ? Result : never };
/** What the runtime receives for an op (after msgpack: `undefined` is null). */
export type AccessorAnswer<Op extends AccessorOp> = AccessorResults[Op] extends infer R ? (R extends undefined ? null : R) : never;

export const ACCESSOR_OPS = Object.keys(ACCESSOR_OP_SPECS) as AccessorOp[];

/** Ops that change the world (the trace marks them as writes; the runtime's write budget counts them). */
export function isWriteOp(op: AccessorOp): boolean {
  return ACCESSOR_OP_SPECS[op].writes;
}

const isAccessorOp = (x: unknown): x is AccessorOp => typeof x === 'string' && Object.prototype.hasOwnProperty.call(ACCESSOR_OP_SPECS, x);

// ---------------------------------------------------------------------------------------------
// The messages.

/** Messages of one direction, told apart by `type`; a case's problems start with its type. */
function messages<C extends Record<string, Schema<unknown>>>(cases: C): Schema<Infer<C[keyof C]>> {
  const byType = variants('type', cases, (_p, type) => `unknown message type ${JSON.stringify(type)}`);
  return {
    check(x) {
      if (!isObj(x)) return 'message is not an object';
      if (x['v'] !== PROTOCOL_VERSION) return `unsupported protocol version ${JSON.stringify(x['v'])}`;
      return byType.check(x, String(x['type']));
    },
  };
}

const okOrNot = (p: string): string => `${p}.ok is not a boolean`;

const hostToRuntime = () =>
  messages({
    load: object({
      v: version(),
      type: literal('load'),
      app: appDescriptor(),
      files: record(string),
      switches: runtimeSwitches(),
      /**
       * Set on the app's first load only (its install, spec 7.2): the runtime calls
       * `onInstall(context, read, http, persistence, modify)` after the constructor and before
       * initialize, as AppManager.add -> installApp does. `user` is the installing user.
       */
      install: optional(object({ user: nullable(string) })),
    }),
    call: object({ v: version(), type: literal('call'), callId: string, method: string, args: withProblem(array(argSpec()), 'call.args is malformed') }),
    /** Liveness: answered at once with a `pong` of the same `seq` when the worker's event loop is free. */
    ping: object({ v: version(), type: literal('ping'), seq: number }),
    response: variants(
      'ok',
      {
        true: object({ v: version(), type: literal('response'), reqId: number, ok: literal(true), value: hostWire() }),
        false: object({ v: version(), type: literal('response'), reqId: number, ok: literal(false), error: wireError() }),
      },
      okOrNot,
    ),
  });
export type HostToRuntime = Built<typeof hostToRuntime>;

const resultFields = () => ({ v: version(), type: literal('result'), callId: string, held: optional(heldRoom()), pending: pendingWork() });

const runtimeToHost = () =>
  messages({
    ready: object({ v: version(), type: literal('ready') }),
    loaded: variants(
      'ok',
      {
        true: object({
          v: version(),
          type: literal('loaded'),
          ok: literal(true),
          className: string,
          /** Names of the functions the app class has (own and inherited, App's base methods excluded). */
          methods: array(string),
          settings: array(settingDeclaration()),
        }),
        false: object({ v: version(), type: literal('loaded'), ok: literal(false), error: wireError(), phase: literal(...LOAD_PHASES) }),
      },
      okOrNot,
    ),
    /**
     * `initialize` (and with it `extendConfiguration`) has run: the settings the app declared, posted
     * before `onEnable` runs so the host stores them first (spec 7.2).
     */
    initialized: object({ v: version(), type: literal('initialized'), settings: array(settingDeclaration()) }),
    result: variants(
      'ok',
      {
        true: object({ ...resultFields(), ok: literal(true), value: wire() }),
        false: object({ ...resultFields(), ok: literal(false), error: wireError() }),
      },
      okOrNot,
    ),
    /** The answer to a `ping`: the worker's event loop is alive. */
    pong: object({ v: version(), type: literal('pong'), seq: count }),
    request: object({
      v: version(),
      type: literal('request'),
      /** The call this request belongs to; null when made outside any call (e.g. by a left-over timer). */
      callId: nullable(string),
      reqId: count,
      op: custom(isAccessorOp, (op) => `${JSON.stringify(op) ?? String(op)} is not a known accessor operation`),
      args: array(wire()),
    }),
    log: object({
      v: version(),
      type: literal('log'),
      callId: nullable(string),
      level: literal(...LOG_LEVELS),
      source: literal('console', 'logger'),
      args: array(preview()),
      /** `file:line` in the app's own sources, when it can be told. */
      site: optional(string),
    }),
    /** Log lines dropped beyond the cap: a running total for the call (the latest report counts). */
    dropped: object({ v: version(), type: literal('dropped'), callId: nullable(string), count }),
    /**
     * Work the call started without `await` (its accessor requests, timers, and what they chain)
     * has finished after the handler returned (spec 7.2). `waited`: some was still pending when the
     * handler returned; `intervals`: intervals it left running, which never finish and are not waited for.
     */
    settled: object({ v: version(), type: literal('settled'), callId: string, waited: boolean, intervals: count }),
  });
export type RuntimeToHost = Built<typeof runtimeToHost>;

export type ParseResult = { ok: true; msg: RuntimeToHost } | { ok: false; problem: string };

let runtimeToHostSchema: ReturnType<typeof runtimeToHost> | undefined;
let hostToRuntimeSchema: ReturnType<typeof hostToRuntime> | undefined;

/** Validates a message from a runtime. Never throws. */
export function parseRuntimeMessage(raw: unknown): ParseResult {
  const problem = (runtimeToHostSchema ??= runtimeToHost()).check(raw, '');
  return problem === null ? { ok: true, msg: raw as RuntimeToHost } : { ok: false, problem };
}

/** Validates a message from the host (the runtime's side); returns a problem description or null. Never throws. */
export function checkHostMessage(raw: unknown): string | null {
  return (hostToRuntimeSchema ??= hostToRuntime()).check(raw, '');
}
