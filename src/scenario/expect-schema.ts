/**
 * What a step expects. Every field is optional; a list lists entries that must each match at least
 * one actual entry (in any order), an object matches when every field it gives matches (partial,
 * recursively). `text` of messages, notifications and logs matches as a substring.
 */
import { z } from 'zod';

/** A persistence association: what a record is tied to (RC RocketChatAssociationRecord). */
export const association = z.object({
  model: z.string().describe('The model: room, user, message, misc...'),
  id: z.string().describe("The model's id (or a free key for misc)."),
});

const callStatus = z.enum(['returned', 'threw', 'timed-out', 'skipped', 'not-reached']);

export const expectedCallSchema = z
  .object({
    app: z.string().optional().describe("The app's id or name."),
    method: z.string().optional().describe('The handler method, e.g. `executePreRoomCreatePrevent`.'),
    interface: z.string().optional().describe('The event interface, e.g. `IPreRoomCreatePrevent`.'),
    status: callStatus
      .optional()
      .describe('How the call ended: returned, threw, timed-out, skipped (a check said no) or not-reached (an earlier handler decided).'),
    /** The finer status: `threw-apps-engine`, `not-found`, `check-false`, ... */
    detail: z.string().optional().describe('The finer status: `threw-apps-engine`, `not-found`, `invalid-params`, `check-false`, ...'),
    /** Partial match of the handler's return value. */
    result: z.unknown().optional().describe("The handler's return value (partial match)."),
  })
  .strict();

export const expectSchema = z
  .object({
    outcome: z
      .enum(['completed', 'prevented', 'failed'])
      .optional()
      .describe('How the action ended: completed, prevented (by an app, or the host refused it) or failed.'),
    errorCode: z.string().nullable().optional().describe('The host error code, e.g. `error-app-prevented`; null: no error.'),
    /** The committed room, as the report prints it (partial match); null: no room committed. */
    room: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe('The committed room as the report prints it (partial match, e.g. `{ "slugifiedName": "general" }`); null: no room was committed.'),
    /** Handler calls that must have happened (each matches one call of the step). */
    calls: z.array(expectedCallSchema).optional().describe('Handler calls that must have happened, in any order; each entry matches one call of the step.'),
    /** Handler calls that must not have happened with these fields. */
    notCalled: z.array(expectedCallSchema).optional().describe('Handler calls that must not have happened with these fields.'),
    /** Messages posted while the step ran. */
    messages: z
      .array(
        z
          .object({
            room: z.string().optional().describe("The room's name or id."),
            sender: z.string().optional().describe("The sender's username."),
            text: z.string().optional().describe('Part of the text (substring).'),
            app: z.string().optional().describe("The app's id or name (the one that posted it)."),
          })
          .strict(),
      )
      .optional()
      .describe('Messages posted while the step ran (by apps or by the host); each entry matches one.'),
    /** Notifications (ephemeral messages) sent while the step ran. */
    notifications: z
      .array(
        z
          .object({
            app: z.string().optional().describe("The app's id or name (the one that sent it)."),
            user: z.string().optional().describe('The username it went to.'),
            room: z.string().optional().describe("The room's name or id."),
            text: z.string().optional().describe('Part of the text (substring).'),
          })
          .strict(),
      )
      .optional()
      .describe('Notifications (ephemeral messages) apps sent while the step ran; each entry matches one.'),
    /** Per app id: persistence records the app holds after the step (partial match of each). */
    persistence: z
      .record(
        z.string(),
        z.array(
          z
            .object({
              id: z.string().optional().describe("The record's id."),
              data: z.unknown().optional().describe("The record's data (partial match)."),
              associations: z.array(association).optional().describe('Associations the record must have.'),
            })
            .strict(),
        ),
      )
      .optional()
      .describe('Per app id: persistence records the app holds after the step (each entry matches one record, partially).'),
    /** HTTP requests apps made while the step ran (through the `http` accessor or `fetch`). */
    http: z
      .array(
        z
          .object({
            app: z.string().optional().describe("The app's id or name (the one that made it)."),
            method: z.string().optional().describe('GET, POST, PUT, DELETE... (any case).'),
            url: z.string().optional().describe('Part of the URL requested (substring), query parameters included.'),
            status: z.number().int().nullable().optional().describe("The mock's status; null: no mock answered (the app got an error)."),
            request: z.unknown().optional().describe('What the app sent with it (partial match of `content`, `data`, `headers`, `params`).'),
          })
          .strict(),
      )
      .optional()
      .describe("HTTP requests apps made while the step ran (answered by the world's HTTP mocks; hookscope never uses the network); each entry matches one."),
    /** HTTP requests that must not have happened (e.g. a Graph call for a user who is not mapped). */
    noHttp: z
      .array(
        z
          .object({
            app: z.string().optional().describe("The app's id or name."),
            method: z.string().optional().describe('GET, POST, PUT, DELETE... (any case).'),
            url: z.string().optional().describe('Part of the URL (substring).'),
          })
          .strict(),
      )
      .optional()
      .describe('HTTP requests that must not have happened while the step ran; an empty entry `{}` means no request at all.'),
    /** Log lines written while the step ran. */
    logs: z
      .array(
        z
          .object({
            app: z.string().optional().describe("The app's id or name."),
            method: z.string().optional().describe('The handler that logged it.'),
            level: z.string().optional().describe('debug, info, warn, error, success or log.'),
            text: z.string().optional().describe('Part of the line (substring; arguments joined by spaces).'),
          })
          .strict(),
      )
      .optional()
      .describe('Log lines written while the step ran; each entry matches one.'),
  })
  .strict();

export type StepExpect = z.output<typeof expectSchema>;
export type ExpectedCall = z.output<typeof expectedCallSchema>;
