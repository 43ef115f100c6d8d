/**
 * The one message protocol between the host (engine, main thread or Node) and an app runtime
 * (one worker per app). Everything that arrives from a runtime is checked with
 * {@link parseRuntimeMessage} before the host acts on it: app code runs in that worker and may
 * forge messages.
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

export interface WireError {
  code: RpcCode;
  /** `error.name` as the app left it (all Apps-Engine exceptions say "AppsEngineException"). */
  name: string;
  /** The constructor's name (UserNotAllowedException, TypeError, ...), or a description for non-errors. */
  className: string;
  message: string;
  /** Stack with frames rewritten to `<app file>:<line>:<column>` where they point into app code. */
  stack?: string;
  /** What was thrown when it was not an Error (a string, null, an object...). */
  thrownKind?: 'error' | 'string' | 'null' | 'undefined' | 'object' | 'other';
  /**
   * The error was constructed without a message (`new UserNotAllowedException()`: no own `message`).
   * In Rocket.Chat's Deno runtime such an AppsEngineException cannot be sent back (spec §4).
   */
  messageMissing?: boolean;
}

export interface AppDescriptor {
  id: string;
  name: string;
  nameSlug: string;
  version: string;
  description: string;
  requiredApiVersion: string;
  author: { name: string; support: string; homepage?: string };
  classFile: string;
  iconFile?: string;
}

/** Switches of the profile that the runtime itself must honour (spec section 8). */
export interface RuntimeSwitches {
  /** Inputs are deep-frozen (legacy `vm`). */
  freezeInputs: boolean;
  /** `room.usernames` of the runtime's Room: the array (Deno, vm) or a Promise (Node runtime, RC 8.8+). Omitted = array. */
  roomUsernames?: 'array' | 'promise';
  /**
   * The Room's IRoom fields (and `_USERNAMES`) are own properties from the start, `undefined` until
   * the host's room fills them: the Deno runtime's class fields (Deno compiles with
   * useDefineForClassFields). A returned Room then carries every field, null where unset, to the
   * host. Omitted = only the fields the host sent are own properties.
   */
  roomOwnFields?: boolean;
}

/** How the runtime builds one argument of a listener call (mirrors the deno runtime's parseArgs). */
export type ArgSpec =
  /**
   * A room; `wrap` = the runtime's Room class (Pre events) whose `usernames` are `usernames`
   * (the host's `_USERNAMES`, or what the real runtime fetches through the bridge otherwise).
   */
  | { kind: 'room'; room: Wire; wrap: boolean; usernames: string[] }
  /** Join/leave context; `context.room` is wrapped with `usernames`. */
  | { kind: 'context'; context: Wire; usernames: string[] }
  | { kind: 'extender'; room: Wire }
  | { kind: 'builder'; room: Wire }
  | { kind: 'accessor'; name: 'read' | 'http' | 'persistence' | 'modify' }
  | { kind: 'value'; value: Wire };

/**
 * Sent with the `result` of a call that received an IRoomExtender or IRoomBuilder: the room object
 * the extender/builder was constructed over, as the call left it. The legacy profile (node `vm`,
 * same process) applies extender/builder changes IN PLACE to the host's object; this is how they
 * cross the boundary (spec section 8).
 */
export interface HeldRoom {
  room: Wire;
  /** True when the call returned that very object (e.g. `return builder.getRoom()` before any `setData`). */
  returned: boolean;
}

export type HostToRuntime =
  | {
      v: typeof PROTOCOL_VERSION;
      type: 'load';
      app: AppDescriptor;
      files: Record<string, string>;
      switches: RuntimeSwitches;
      /**
       * Set on the app's first load only (its install, spec 7.2): the runtime calls
       * `onInstall(context, read, http, persistence, modify)` after the constructor and before
       * initialize, as AppManager.add -> installApp does. `user` is the installing user.
       */
      install?: { user: Wire | null };
    }
  | { v: typeof PROTOCOL_VERSION; type: 'call'; callId: string; method: string; args: ArgSpec[] }
  /** Liveness: answered at once with a `pong` of the same `seq` when the worker's event loop is free. */
  | { v: typeof PROTOCOL_VERSION; type: 'ping'; seq: number }
  | { v: typeof PROTOCOL_VERSION; type: 'response'; reqId: number; ok: true; value: Wire }
  | { v: typeof PROTOCOL_VERSION; type: 'response'; reqId: number; ok: false; error: WireError };

export type LogLevel = 'debug' | 'info' | 'log' | 'warn' | 'error' | 'success';

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

export interface SettingDeclaration {
  id: string;
  type: string;
  packageValue: Wire;
  value?: Wire;
  required: boolean;
  public: boolean;
  i18nLabel: string;
  i18nDescription?: string;
  values?: Wire;
}

/**
 * Where loading an app stopped: its code did not load (transpile, require, construct, initialize),
 * or `onEnable` returned false or threw (`enable`). Either way the app is not enabled (spec 7.2).
 */
export type LoadPhase = 'transpile' | 'require' | 'construct' | 'initialize' | 'enable';
export const LOAD_PHASES: readonly LoadPhase[] = ['transpile', 'require', 'construct', 'initialize', 'enable'];

/** What a handler left behind when it returned (sent with its `result`). */
export interface PendingWork {
  timers: number;
  intervals: number;
  /** Accessor requests still unanswered-for when the handler returned. */
  requests: number;
}

export type RuntimeToHost =
  | { v: typeof PROTOCOL_VERSION; type: 'ready' }
  | {
      v: typeof PROTOCOL_VERSION;
      type: 'loaded';
      ok: true;
      className: string;
      /** Names of the functions the app class has (own and inherited, App's base methods excluded). */
      methods: string[];
      settings: SettingDeclaration[];
    }
  | { v: typeof PROTOCOL_VERSION; type: 'loaded'; ok: false; error: WireError; phase: LoadPhase }
  /**
   * `initialize` (and with it `extendConfiguration`) has run: the settings the app declared, posted
   * before `onEnable` runs so the host stores them first (spec 7.2).
   */
  | { v: typeof PROTOCOL_VERSION; type: 'initialized'; settings: SettingDeclaration[] }
  | { v: typeof PROTOCOL_VERSION; type: 'result'; callId: string; ok: true; value: Wire; held?: HeldRoom; pending: PendingWork }
  | { v: typeof PROTOCOL_VERSION; type: 'result'; callId: string; ok: false; error: WireError; held?: HeldRoom; pending: PendingWork }
  /** The answer to a `ping`: the worker's event loop is alive. */
  | { v: typeof PROTOCOL_VERSION; type: 'pong'; seq: number }
  | {
      v: typeof PROTOCOL_VERSION;
      type: 'request';
      /** The call this request belongs to; null when made outside any call (e.g. by a left-over timer). */
      callId: string | null;
      reqId: number;
      op: AccessorOp;
      args: Wire[];
    }
  | {
      v: typeof PROTOCOL_VERSION;
      type: 'log';
      callId: string | null;
      level: LogLevel;
      source: 'console' | 'logger';
      args: Preview[];
      /** `file:line` in the app's own sources, when it can be told. */
      site?: string;
    }
  /** Log lines dropped beyond the cap: a running total for the call (the latest report counts). */
  | { v: typeof PROTOCOL_VERSION; type: 'dropped'; callId: string | null; count: number }
  /**
   * Work the call started without `await` (its accessor requests, timers, and what they chain)
   * has finished after the handler returned (spec 7.2). `waited`: some was still pending when the
   * handler returned; `intervals`: intervals it left running, which never finish and are not waited for.
   */
  | { v: typeof PROTOCOL_VERSION; type: 'settled'; callId: string; waited: boolean; intervals: number };

/**
 * Every accessor call an app can make, as `op: [arguments]`. The app-side objects (src/runtime)
 * turn Apps-Engine accessor methods into these; the host bridges (src/engine/bridges) answer them.
 * Arguments and results cross as {@link Wire} (msgpack); these types are what they decode to.
 * Results: rooms and users in the Apps-Engine shape (IRoom, IUser).
 */
export type Plain = null | boolean | number | string | Date | Uint8Array | Plain[] | { [key: string]: Plain };

export interface AccessorOps {
  // environment: app settings (IAppSettingsRead) and server settings
  'settings.getById': [id: string];
  'settings.getValueById': [id: string];
  'settings.update': [setting: Plain];
  'serverSettings.getOneById': [id: string];
  'serverSettings.getValueById': [id: string];
  // users (IUserRead)
  'user.getById': [id: string];
  'user.getByUsername': [username: string];
  'user.getAppUser': [appId: string | null];
  // rooms (IRoomRead)
  'room.getById': [id: string];
  'room.getByName': [name: string];
  'room.getCreatorUserById': [id: string];
  'room.getCreatorUserByName': [name: string];
  'room.getMembers': [roomId: string];
  'room.getDirectByUsernames': [usernames: string[]];
  'room.getOwners': [roomId: string];
  'room.getMessages': [roomId: string, options: Plain];
  // messages (IMessageRead)
  'message.getById': [id: string];
  // persistence (IPersistenceRead / IPersistence); associations are { model, id }
  'persistence.read': [id: string];
  'persistence.readByAssociations': [associations: Plain];
  'persistence.create': [data: Plain, associations: Plain];
  'persistence.update': [id: string, data: Plain, upsert: boolean];
  'persistence.updateByAssociations': [associations: Plain, data: Plain, upsert: boolean];
  'persistence.remove': [id: string];
  'persistence.removeByAssociations': [associations: Plain];
  // http (IHttp): method, url, options (IHttpRequest)
  'http.request': [method: string, url: string, options: Plain];
  // modify: creator / updater / deleter / notifier. `kind` says what the builder built.
  'modify.creator.finish': [kind: 'message' | 'room' | 'discussion', data: Plain];
  'modify.updater.room': [roomId: string];
  'modify.updater.finish': [kind: 'message' | 'room', data: Plain];
  'modify.deleter.deleteRoom': [roomId: string];
  'modify.deleter.deleteMessage': [messageId: string];
  'modify.deleter.removeUsersFromRoom': [roomId: string, usernames: string[]];
  'modify.notifier.notifyUser': [user: Plain, message: Plain];
  'modify.notifier.notifyRoom': [room: Plain, message: Plain];
  // scheduler (ISchedulerModify): recorded and answered, never run (accessors/scheduler.ts)
  'scheduler.schedule': [kind: 'once' | 'recurring', job: Plain];
  'scheduler.cancel': [jobId: string | null];
  /** Any Apps-Engine accessor method hookscope does not simulate: the host answers with a clear error. */
  'unsupported': [what: string];
}
export type AccessorOp = keyof AccessorOps;

export const ACCESSOR_OPS: readonly AccessorOp[] = [
  'settings.getById',
  'settings.getValueById',
  'settings.update',
  'serverSettings.getOneById',
  'serverSettings.getValueById',
  'user.getById',
  'user.getByUsername',
  'user.getAppUser',
  'room.getById',
  'room.getByName',
  'room.getCreatorUserById',
  'room.getCreatorUserByName',
  'room.getMembers',
  'room.getDirectByUsernames',
  'room.getOwners',
  'room.getMessages',
  'message.getById',
  'persistence.read',
  'persistence.readByAssociations',
  'persistence.create',
  'persistence.update',
  'persistence.updateByAssociations',
  'persistence.remove',
  'persistence.removeByAssociations',
  'http.request',
  'modify.creator.finish',
  'modify.updater.room',
  'modify.updater.finish',
  'modify.deleter.deleteRoom',
  'modify.deleter.deleteMessage',
  'modify.deleter.removeUsersFromRoom',
  'modify.notifier.notifyUser',
  'modify.notifier.notifyRoom',
  'scheduler.schedule',
  'scheduler.cancel',
  'unsupported',
];

/** Ops that change the world (the trace marks them as writes). */
export function isWriteOp(op: AccessorOp): boolean {
  return (
    op.startsWith('modify.') && op !== 'modify.updater.room'
  ) || (op.startsWith('persistence.') && !op.startsWith('persistence.read')) || op === 'settings.update';
}

// ---------------------------------------------------------------------------------------------
// Runtime guards for messages arriving from the sandbox.

export type ParseResult = { ok: true; msg: RuntimeToHost } | { ok: false; problem: string };

const LEVELS: readonly string[] = ['debug', 'info', 'log', 'warn', 'error', 'success'];
const CODES: readonly number[] = Object.values(RPC);

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const isStr = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function checkError(e: unknown): string | null {
  if (!isObj(e)) return 'error is not an object';
  if (!CODES.includes(e['code'] as number)) return `error.code ${String(e['code'])} is not a known JSON-RPC code`;
  for (const k of ['name', 'className', 'message'] as const) if (!isStr(e[k])) return `error.${k} is not a string`;
  if (e['stack'] !== undefined && !isStr(e['stack'])) return 'error.stack is not a string';
  if (e['messageMissing'] !== undefined && typeof e['messageMissing'] !== 'boolean') return 'error.messageMissing is not a boolean';
  return null;
}

function checkPreview(p: unknown, depth = 0): boolean {
  if (depth > 20 || !isObj(p) || !isStr(p['t'])) return false;
  switch (p['t']) {
    case 'str':
    case 'num':
    case 'date':
    case 'sym':
      return isStr(p['v']);
    case 'bool':
      return typeof p['v'] === 'boolean';
    case 'null':
    case 'undef':
    case 'cycle':
    case 'trunc':
      return true;
    case 'fn':
      return isStr(p['name']);
    case 'err':
      return isStr(p['className']) && isStr(p['message']);
    case 'arr':
    case 'set':
      return Array.isArray(p['items']) && p['items'].every((i) => checkPreview(i, depth + 1)) && isCount(p['more']);
    case 'obj':
      return (
        isStr(p['className']) &&
        Array.isArray(p['entries']) &&
        p['entries'].every((e) => Array.isArray(e) && isStr(e[0]) && checkPreview(e[1], depth + 1)) &&
        isCount(p['more'])
      );
    case 'map':
      return (
        Array.isArray(p['entries']) &&
        p['entries'].every((e) => Array.isArray(e) && checkPreview(e[0], depth + 1) && checkPreview(e[1], depth + 1)) &&
        isCount(p['more'])
      );
    default:
      return false;
  }
}

/** Validates a message from a runtime. Never throws. */
export function parseRuntimeMessage(raw: unknown): ParseResult {
  const bad = (problem: string): ParseResult => ({ ok: false, problem });
  if (!isObj(raw)) return bad('message is not an object');
  if (raw['v'] !== PROTOCOL_VERSION) return bad(`unsupported protocol version ${JSON.stringify(raw['v'])}`);
  const msg = raw as unknown as RuntimeToHost;
  switch (raw['type']) {
    case 'ready':
      return { ok: true, msg };
    case 'loaded':
      if (raw['ok'] === true) {
        if (!isStr(raw['className'])) return bad('loaded.className is not a string');
        if (!Array.isArray(raw['methods']) || !raw['methods'].every(isStr)) return bad('loaded.methods is not a string list');
        if (!Array.isArray(raw['settings']) || !raw['settings'].every((s) => isObj(s) && isStr(s['id']) && isWire(s['packageValue'])))
          return bad('loaded.settings is malformed');
        return { ok: true, msg };
      }
      if (raw['ok'] === false) {
        const problem = checkError(raw['error']);
        if (problem) return bad(`loaded: ${problem}`);
        if (!LOAD_PHASES.includes(raw['phase'] as LoadPhase)) return bad('loaded.phase is unknown');
        return { ok: true, msg };
      }
      return bad('loaded.ok is not a boolean');
    case 'initialized':
      if (!Array.isArray(raw['settings']) || !raw['settings'].every((s) => isObj(s) && isStr(s['id']) && isWire(s['packageValue'])))
        return bad('initialized.settings is malformed');
      return { ok: true, msg };
    case 'result':
      if (!isStr(raw['callId'])) return bad('result.callId is not a string');
      if (raw['held'] !== undefined && !(isObj(raw['held']) && isWire(raw['held']['room']) && typeof raw['held']['returned'] === 'boolean'))
        return bad('result.held is malformed');
      {
        const p = raw['pending'];
        if (!isObj(p) || !isCount(p['timers']) || !isCount(p['intervals']) || !isCount(p['requests'])) return bad('result.pending counts are malformed');
      }
      if (raw['ok'] === true) return isWire(raw['value']) ? { ok: true, msg } : bad('result.value is not serializable data');
      if (raw['ok'] === false) {
        const problem = checkError(raw['error']);
        return problem ? bad(`result: ${problem}`) : { ok: true, msg };
      }
      return bad('result.ok is not a boolean');
    case 'request':
      if (raw['callId'] !== null && !isStr(raw['callId'])) return bad('request.callId is not a string or null');
      if (!isCount(raw['reqId'])) return bad('request.reqId is not a non-negative integer');
      if (!ACCESSOR_OPS.includes(raw['op'] as AccessorOp)) return bad(`request.op ${JSON.stringify(raw['op'])} is not a known accessor operation`);
      if (!Array.isArray(raw['args']) || !raw['args'].every((a) => isWire(a))) return bad('request.args is not serializable data');
      return { ok: true, msg };
    case 'log':
      if (raw['callId'] !== null && !isStr(raw['callId'])) return bad('log.callId is not a string or null');
      if (!LEVELS.includes(raw['level'] as string)) return bad(`log.level ${JSON.stringify(raw['level'])} is unknown`);
      if (raw['source'] !== 'console' && raw['source'] !== 'logger') return bad('log.source is unknown');
      if (!Array.isArray(raw['args']) || !raw['args'].every((a) => checkPreview(a))) return bad('log.args is malformed');
      if (raw['site'] !== undefined && !isStr(raw['site'])) return bad('log.site is not a string');
      return { ok: true, msg };
    case 'dropped':
      if (raw['callId'] !== null && !isStr(raw['callId'])) return bad('dropped.callId is not a string or null');
      return isCount(raw['count']) ? { ok: true, msg } : bad('dropped.count is not a count');
    case 'settled':
      if (!isStr(raw['callId'])) return bad('settled.callId is not a string');
      if (typeof raw['waited'] !== 'boolean' || !isCount(raw['intervals'])) return bad('settled is malformed');
      return { ok: true, msg };
    case 'pong':
      return isCount(raw['seq']) ? { ok: true, msg } : bad('pong.seq is not a count');
    default:
      return bad(`unknown message type ${JSON.stringify(raw['type'])}`);
  }
}
