/**
 * ISchedulerModify (`configurationModify.scheduler` in onEnable, `modify.getScheduler()` in a
 * handler). Rocket.Chat hands jobs to its Agenda scheduler and answers with the job's id; apps
 * commonly schedule in `onEnable`, so refusing it would leave them not enabled. hookscope records
 * each call with the host (the trace shows it: `scheduler.schedule`) and answers as the server
 * does, but never runs a job: scheduled processors are not room events.
 */
import type { ISchedulerModify } from '@rocket.chat/apps-engine/definition/accessors';
import type { IOnetimeSchedule, IRecurringSchedule } from '@rocket.chat/apps-engine/definition/scheduler';
import type { RequestFn } from './types.ts';

export function createSchedulerModify(request: RequestFn): ISchedulerModify {
  // The host answers the job's id.
  const schedule = async (kind: 'once' | 'recurring', job: IOnetimeSchedule | IRecurringSchedule): Promise<string> =>
    await request('scheduler.schedule', [kind, job]);
  return {
    scheduleOnce: (job) => schedule('once', job),
    scheduleRecurring: (job) => schedule('recurring', job),
    cancelJob: async (jobId) => {
      await request('scheduler.cancel', [String(jobId)]);
    },
    cancelAllJobs: async () => {
      await request('scheduler.cancel', [null]);
    },
  };
}
