/**
 * The scheduler bridge (ISchedulerModify, spec §7.2: apps schedule jobs in onEnable). Rocket.Chat
 * hands a job to Agenda and answers with the job's id; hookscope answers with a fresh id and keeps
 * nothing else: the call is in the trace (its arguments say which processor, when, with what
 * data), and no job ever runs, since processors are not room events.
 */
import type { BridgeContext } from './types.ts';
import { BridgeError } from './types.ts';

export function schedule(ctx: BridgeContext, kind: unknown, job: unknown): string {
  if (kind !== 'once' && kind !== 'recurring') throw new BridgeError('Invalid schedule kind.');
  const id = job !== null && typeof job === 'object' && !Array.isArray(job) ? (job as Record<string, unknown>)['id'] : undefined;
  if (typeof id !== 'string' || id === '') throw new BridgeError('Invalid job: a scheduled job needs the id of a registered processor.');
  return ctx.env.ids.next('job');
}

export function cancel(_ctx: BridgeContext, jobId: unknown): undefined {
  if (jobId !== null && typeof jobId !== 'string') throw new BridgeError('Invalid job id.');
  return undefined;
}
