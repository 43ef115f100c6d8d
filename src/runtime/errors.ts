/**
 * Turns whatever an app threw into a protocol {@link WireError}, the way the deno runtime's
 * listener handler classifies it (RC `packages/apps-engine/deno-runtime/handlers/listener/handler.ts`):
 * an `AppsEngineException` (or subclass, by `instanceof`) is -32070, anything else -32603.
 */
import type { RpcCode, WireError } from '../protocol/runtime-protocol.ts';
import { RPC } from '../protocol/runtime-protocol.ts';
import { CALL_LIMITS } from '../protocol/call-limits.ts';
import { appsEngineExceptionClass } from './apps-engine-registry.ts';
import { rewriteStack } from './stack.ts';

const MAX_MESSAGE = 500;

/** JSON rendering that survives cycles, functions, bigints and throwing getters. */
export function safeJson(value: unknown, max = MAX_MESSAGE): string {
  const ancestors: object[] = [];
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function (this: unknown, _key, v: unknown) {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'function') return `[Function ${(v as { name?: string }).name || 'anonymous'}]`;
      if (typeof v === 'symbol') return v.toString();
      if (typeof v !== 'object' || v === null) return v;
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (ancestors.includes(v)) return '[Circular]';
      ancestors.push(v);
      return v;
    });
  } catch (e) {
    text = `[unserializable object: ${e instanceof Error ? e.message : String(e)}]`;
  }
  if (text === undefined) text = String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function constructorName(value: object): string {
  try {
    const ctor = (value as { constructor?: unknown }).constructor;
    const name = typeof ctor === 'function' ? (ctor as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name !== '' ? name : 'Object';
  } catch {
    return 'Object';
  }
}

function readString(read: () => unknown): string | undefined {
  try {
    const v = read();
    return typeof v === 'string' ? v : v === undefined ? undefined : String(v);
  } catch {
    return undefined;
  }
}

/** Constructed without a message: `new Error()` leaves no own `message` (or sets it to undefined). */
function messageMissing(thrown: Error): boolean {
  try {
    return !Object.prototype.hasOwnProperty.call(thrown, 'message') || (thrown as { message?: unknown }).message === undefined;
  } catch {
    return false;
  }
}

export function isAppsEngineException(thrown: unknown): boolean {
  return thrown instanceof appsEngineExceptionClass();
}

/** Classifies and renders a thrown value. `code` overrides the classification. */
export function toWireError(thrown: unknown, code?: RpcCode): WireError {
  if (thrown instanceof Error) {
    const err: WireError = {
      code: code ?? (isAppsEngineException(thrown) ? RPC.appsEngineException : RPC.internalError),
      name: readString(() => thrown.name) ?? 'Error',
      className: constructorName(thrown),
      message: readString(() => thrown.message) ?? '',
      thrownKind: 'error',
    };
    const stack = readString(() => thrown.stack);
    if (stack !== undefined) err.stack = rewriteStack(stack);
    if (err.code === RPC.appsEngineException && messageMissing(thrown)) err.messageMissing = true;
    return err;
  }
  const base = { code: code ?? RPC.internalError };
  if (thrown === null) return { ...base, name: 'null', className: 'null', message: 'null', thrownKind: 'null' };
  if (thrown === undefined) return { ...base, name: 'undefined', className: 'undefined', message: 'undefined', thrownKind: 'undefined' };
  if (typeof thrown === 'string') return { ...base, name: 'string', className: 'string', message: thrown, thrownKind: 'string' };
  if (typeof thrown === 'object' || typeof thrown === 'function') {
    return { ...base, name: 'object', className: 'object', message: safeJson(thrown), thrownKind: 'object' };
  }
  const kind = typeof thrown;
  return { ...base, name: kind, className: kind, message: kind === 'bigint' ? `${String(thrown)}n` : String(thrown), thrownKind: 'other' };
}

/**
 * {@link toWireError} for anything at all: a thrown Proxy whose traps throw (even `instanceof`
 * and `typeof`-safe reads fail on it) is answered at once as what it is, never left unanswered.
 * Message and stack are cut to the error budget ({@link ERROR_TEXT_LIMIT}).
 */
export function safeWireError(thrown: unknown, code?: RpcCode): WireError {
  let err: WireError;
  try {
    err = toWireError(thrown, code);
  } catch {
    return plainError(code ?? RPC.internalError, 'The thrown value cannot be read: reading it threw again (a Proxy whose traps throw?).', 'UnreadableThrow');
  }
  return capErrorText(err);
}

/** hookscope's own limit for the message and the stack of one error (Rocket.Chat has none). */
const ERROR_TEXT_LIMIT: number = CALL_LIMITS.errorChars;

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters cut: hookscope keeps ${limit} characters of an error)`;
}

function capErrorText(err: WireError): WireError {
  const next: WireError = { ...err, message: cut(err.message, ERROR_TEXT_LIMIT), name: cut(err.name, 200), className: cut(err.className, 200) };
  if (err.stack !== undefined) next.stack = cut(err.stack, ERROR_TEXT_LIMIT);
  return next;
}

/** A description of what was thrown that never throws itself. */
export function describeThrown(e: unknown): string {
  try {
    return e instanceof Error ? String(e.message) : String(e);
  } catch {
    return 'a value that cannot be read';
  }
}

/** A runtime-made error (not thrown by the app): no stack. */
export function plainError(code: RpcCode, message: string, className = 'Error'): WireError {
  return { code, name: className, className, message, thrownKind: 'error' };
}
