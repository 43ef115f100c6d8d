/** Test helper: a RequestFn that records every (op, args) and answers from canned replies. */
import type { AccessorOp } from '../../protocol/runtime-protocol.ts';
import type { RequestFn } from './types.ts';

export interface FakeRequest {
  request: RequestFn;
  calls: [AccessorOp, unknown[]][];
  /** Answer for an op: a value, or a function of the args; an Error instance rejects. */
  answer(op: AccessorOp, value: unknown): void;
}

export function fakeRequest(): FakeRequest {
  const calls: [AccessorOp, unknown[]][] = [];
  const answers = new Map<AccessorOp, unknown>();
  const request: RequestFn = async (op, args) => {
    calls.push([op, args]);
    if (op === 'unsupported') throw new Error(`host: unsupported ${String(args[0])}`);
    const a = answers.get(op);
    const value = typeof a === 'function' ? (a as (...x: unknown[]) => unknown)(...args) : a;
    if (value instanceof Error) throw value;
    // A canned answer stands for whatever the host's bridge would answer.
    return (value ?? null) as never;
  };
  return { request, calls, answer: (op, value) => answers.set(op, value) };
}
