/**
 * `call`: builds the arguments from their ArgSpecs, invokes the app method and turns the outcome
 * into a result, as the deno runtime's listener handler does (RC
 * `packages/apps-engine/deno-runtime/handlers/listener/handler.ts`, `handleListener` + `parseArgs`):
 * - missing method: -32601 "Invalid event interface called on app" (check and execute methods;
 *   "Method not found" for others, as in `handlers/app/handler.ts`);
 * - falsy first argument: -32602 "Invalid params";
 * - thrown AppsEngineException (instanceof): -32070; anything else: -32603.
 * Like parseArgs, the extender / builder wrap the raw first argument, which the Room wrapper
 * shallow-copies (so nested objects such as customFields are shared between them).
 * After a call that got an extender/builder, the room it wraps is reported back (`held`) for the
 * legacy in-place chain.
 */
import type { ArgSpec, HeldRoom, WireError } from '../protocol/runtime-protocol.ts';
import { RPC } from '../protocol/runtime-protocol.ts';
import type { Wire } from '../protocol/wire.ts';
import { WireEncodeError, decodeWire, encodeWire } from '../protocol/wire.ts';
import type { AccessorSet } from './accessors/index.ts';
import { RoomBuilder } from './accessors/room-builder.ts';
import { describeThrown, plainError, safeWireError } from './errors.ts';
import { resultProblem } from './budgets.ts';
import { Room, type RoomUsernamesMode, unwrapRooms } from './room.ts';
import { RoomExtender } from './room-extender.ts';

export type CallOutcome = ({ ok: true; value: Wire } | { ok: false; error: WireError }) & { held?: HeldRoom };

export interface CallInput {
  app: Record<string, unknown>;
  method: string;
  args: ArgSpec[];
  accessors: AccessorSet;
  freezeInputs: boolean;
  /** `room.usernames`: the Deno runtime's array or the Node runtime's Promise (spec section 8). Omitted = array. */
  roomUsernames?: RoomUsernamesMode;
  /** The Deno runtime's Room: every IRoom field an own property (RuntimeSwitches.roomOwnFields). */
  roomOwnFields?: boolean;
}

function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k], seen);
  return Object.freeze(value);
}

/** The plain value a spec carries (before wrapping), used for the "falsy first argument" rule. */
function rawOf(spec: ArgSpec | undefined): unknown {
  if (!spec) return undefined;
  switch (spec.kind) {
    case 'room':
    case 'extender':
    case 'builder':
      return decodeWire(spec.room);
    case 'context':
      return decodeWire(spec.context);
    case 'value':
      return decodeWire(spec.value);
    case 'accessor':
      return spec;
  }
}

interface BuiltArgs {
  args: unknown[];
  /** The raw room an extender/builder argument was constructed over (reported back as `held`). */
  held: Record<string, unknown> | null;
}

/**
 * With `freezeInputs` (legacy, spec section 8) every room/context argument is a deep-frozen copy
 * (Room wrapper included). App code is strict mode (class bodies always are, and sucrase emits
 * "use strict" for ES modules), so a write into it throws a TypeError the app sees.
 */
function buildArgs(input: CallInput, first: unknown): BuiltArgs {
  const [firstSpec] = input.args;
  const firstWire = firstSpec?.kind === 'room' ? JSON.stringify(firstSpec.room) : undefined;
  const freeze = <T>(v: T): T => (input.freezeInputs ? deepFreeze(v) : v);
  let held: Record<string, unknown> | null = null;
  // The raw room an extender/builder wraps: the first argument itself when it is the same room.
  const rawRoom = (room: Wire): Record<string, unknown> => {
    const raw =
      !input.freezeInputs && firstWire !== undefined && JSON.stringify(room) === firstWire
        ? (first as Record<string, unknown>)
        : (decodeWire(room) as Record<string, unknown>);
    held = raw;
    return raw;
  };

  const args = input.args.map((spec, i) => {
    switch (spec.kind) {
      case 'room': {
        const plain = (i === 0 ? first : decodeWire(spec.room)) as Record<string, unknown>;
        return freeze(spec.wrap ? new Room(plain, [...spec.usernames], input.roomUsernames, input.roomOwnFields) : plain);
      }
      case 'context': {
        const ctx = (i === 0 ? first : decodeWire(spec.context)) as Record<string, unknown>;
        const room = ctx['room'];
        if (typeof room === 'object' && room !== null)
          ctx['room'] = new Room(room as Record<string, unknown>, [...spec.usernames], input.roomUsernames, input.roomOwnFields);
        return freeze(ctx);
      }
      case 'extender':
        return new RoomExtender(rawRoom(spec.room) as never);
      case 'builder':
        return new RoomBuilder(rawRoom(spec.room) as ConstructorParameters<typeof RoomBuilder>[0]);
      case 'accessor':
        return input.accessors[spec.name];
      case 'value':
        return freeze(i === 0 ? first : decodeWire(spec.value));
    }
  });
  return { args, held };
}

/** The held room as it crosses back; omitted when it cannot be encoded (the host then keeps its own). */
function heldOf(held: Record<string, unknown> | null, result: unknown): { held?: HeldRoom } {
  if (held === null) return {};
  try {
    return { held: { room: encodeWire(unwrapRooms(held)), returned: result === held } };
  } catch {
    return {};
  }
}

/** False when even looking for `then` on the returned value throws (so `await` would turn it into a throw). */
function readableThen(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return true;
  try {
    void (value as { then?: unknown }).then;
    return true;
  } catch {
    return false;
  }
}

export async function executeCall(input: CallInput): Promise<CallOutcome> {
  const { app, method } = input;
  const fn = app[method];
  if (typeof fn !== 'function') {
    const listener = method.startsWith('check') || method.startsWith('execute');
    return { ok: false, error: plainError(RPC.methodNotFound, listener ? 'Invalid event interface called on app' : 'Method not found') };
  }
  const first = rawOf(input.args[0]);
  if (!first) return { ok: false, error: plainError(RPC.invalidParams, 'Invalid params') };

  let result: unknown;
  let built: BuiltArgs = { args: [], held: null };
  try {
    built = buildArgs(input, first);
    const returned = (fn as (...a: unknown[]) => unknown).apply(app, built.args);
    if (!readableThen(returned))
      return {
        ok: false,
        error: plainError(
          RPC.internalError,
          `The value returned by ${method} cannot be sent to the host: the result cannot be read (reading it threw: a Proxy whose traps throw?)`,
          'UnreadableResult',
        ),
        ...heldOf(built.held, undefined),
      };
    result = await returned;
  } catch (e) {
    return { ok: false, error: safeWireError(e), ...heldOf(built.held, undefined) };
  }

  try {
    const value = encodeWire(unwrapRooms(result));
    const tooLarge = resultProblem(value);
    if (tooLarge)
      return {
        ok: false,
        error: plainError(RPC.internalError, `The value returned by ${method} cannot be sent to the host: ${tooLarge}`, 'ResultTooLarge'),
        ...heldOf(built.held, undefined),
      };
    return { ok: true, value, ...heldOf(built.held, result) };
  } catch (e) {
    const detail = e instanceof WireEncodeError ? e.message : `the result cannot be read (${describeThrown(e)})`;
    return {
      ok: false,
      error: plainError(RPC.internalError, `The value returned by ${method} cannot be sent to the host: ${detail}`, 'WireEncodeError'),
      ...heldOf(built.held, undefined),
    };
  }
}
