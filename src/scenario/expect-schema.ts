/**
 * What a step expects. Every field is optional; a list lists entries that must each match at least
 * one actual entry (in any order), an object matches when every field it gives matches (partial,
 * recursively). `text` of messages, notifications and logs matches as a substring.
 */
import { z } from 'zod';

const callStatus = z.enum(['returned', 'threw', 'timed-out', 'skipped', 'not-reached']);

export const expectedCallSchema = z
  .object({
    app: z.string().optional(),
    method: z.string().optional(),
    interface: z.string().optional(),
    status: callStatus.optional(),
    /** The finer status: `threw-apps-engine`, `not-found`, `check-false`, ... */
    detail: z.string().optional(),
    /** Partial match of the handler's return value. */
    result: z.unknown().optional(),
  })
  .strict();

export const expectSchema = z
  .object({
    outcome: z.enum(['completed', 'prevented', 'failed']).optional(),
    errorCode: z.string().nullable().optional(),
    /** The committed room, as the report prints it (partial match); null: no room committed. */
    room: z.record(z.string(), z.unknown()).nullable().optional(),
    /** Handler calls that must have happened (each matches one call of the step). */
    calls: z.array(expectedCallSchema).optional(),
    /** Handler calls that must not have happened with these fields. */
    notCalled: z.array(expectedCallSchema).optional(),
    /** Messages posted while the step ran. */
    messages: z.array(z.object({ room: z.string().optional(), sender: z.string().optional(), text: z.string().optional(), app: z.string().optional() }).strict()).optional(),
    /** Notifications (ephemeral messages) sent while the step ran. */
    notifications: z.array(z.object({ app: z.string().optional(), user: z.string().optional(), room: z.string().optional(), text: z.string().optional() }).strict()).optional(),
    /** Per app id: persistence records the app holds after the step (partial match of each). */
    persistence: z.record(z.string(), z.array(z.object({ id: z.string().optional(), data: z.unknown().optional(), associations: z.array(z.object({ model: z.string(), id: z.string() })).optional() }).strict())).optional(),
    /** Log lines written while the step ran. */
    logs: z.array(z.object({ app: z.string().optional(), method: z.string().optional(), level: z.string().optional(), text: z.string().optional() }).strict()).optional(),
  })
  .strict();

export type StepExpect = z.output<typeof expectSchema>;
export type ExpectedCall = z.output<typeof expectedCallSchema>;
