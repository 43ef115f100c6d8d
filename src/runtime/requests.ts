/**
 * Accessor request/response plumbing: an app's `await read.getRoomReader().getById(id)` becomes a
 * `request` message; the host's `response` settles it.
 */
import type { AccessorAnswer, AccessorOp, AccessorOps, HostToRuntime, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { PROTOCOL_VERSION } from '../protocol/runtime-protocol.ts';
import type { Wire } from '../protocol/wire.ts';
import { decodeWire, encodeWire } from '../protocol/wire.ts';
import type { CallContext } from './call-context.ts';

type ResponseMsg = Extract<HostToRuntime, { type: 'response' }>;

interface Pending {
  callId: string | null;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One accessor request of a call, typed by the op table (src/protocol): arguments and answer. */
export type CallRequest = <Op extends AccessorOp>(callId: string | null, op: Op, args: AccessorOps[Op]) => Promise<AccessorAnswer<Op>>;

export interface Requests {
  request: CallRequest;
  /** Settles the request a response answers; false if no such request is waiting. */
  handleResponse(msg: ResponseMsg): boolean;
  /** Requests of this call still unanswered. */
  pendingFor(callId: string): number;
}

export function createRequests(post: (msg: RuntimeToHost) => void, ctx: CallContext): Requests {
  let nextId = 1;
  const pending = new Map<number, Pending>();

  return {
    request<Op extends AccessorOp>(callId: string | null, op: Op, args: AccessorOps[Op]): Promise<AccessorAnswer<Op>> {
      const list: readonly unknown[] = args;
      let wireArgs: Wire[];
      try {
        wireArgs = list.map((a) => encodeWire(a));
      } catch (e) {
        return Promise.reject(new Error(`Cannot send the arguments of ${op} to the host: ${e instanceof Error ? e.message : String(e)}`));
      }
      const reqId = nextId++;
      const settled = new Promise<unknown>((resolve, reject) => {
        pending.set(reqId, { callId, resolve, reject });
      });
      post({ v: PROTOCOL_VERSION, type: 'request', callId, reqId, op, args: wireArgs });
      // Re-enter the call just before the app's continuation runs.
      return settled.then(
        (value) => {
          ctx.current = callId;
          // The host's bridge for `op` answered it (BridgeTable is typed by the same op table).
          return value as AccessorAnswer<Op>;
        },
        (error: unknown) => {
          ctx.current = callId;
          throw error;
        },
      );
    },
    handleResponse(msg) {
      const p = pending.get(msg.reqId);
      if (!p) return false;
      pending.delete(msg.reqId);
      ctx.current = p.callId;
      if (msg.ok) p.resolve(decodeWire(msg.value));
      else {
        const err = new Error(typeof msg.error?.message === 'string' ? msg.error.message : 'The host rejected the request');
        p.reject(err);
      }
      return true;
    },
    pendingFor(callId) {
      let n = 0;
      for (const p of pending.values()) if (p.callId === callId) n++;
      return n;
    },
  };
}
