import type { AccessorOp } from '../../protocol/runtime-protocol.ts';

/**
 * Sends one accessor operation to the host and resolves with its plain, decoded answer.
 * `args` are plain values (Dates allowed); the runtime core encodes them for the wire.
 * Rejects with `Error(message from host)` when the host's bridge fails.
 */
export type RequestFn = <Op extends AccessorOp>(op: Op, args: unknown[]) => Promise<unknown>;
