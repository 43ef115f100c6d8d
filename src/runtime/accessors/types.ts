import type { AccessorAnswer, AccessorOp, AccessorOps } from '../../protocol/runtime-protocol.ts';

/**
 * Sends one accessor operation to the host and resolves with its decoded answer: arguments and
 * answer are typed by the op table (ACCESSOR_OP_SPECS), which also types the host's bridge.
 * `args` are plain values (Dates allowed); the runtime core encodes them for the wire.
 * Rejects with `Error(message from host)` when the host's bridge fails.
 */
export type RequestFn = <Op extends AccessorOp>(op: Op, args: AccessorOps[Op]) => Promise<AccessorAnswer<Op>>;
