/**
 * The scenario file: apps + world + steps. One format for the headless runner, import/export,
 * share links, examples and regression tests. Validated with zod so a malformed file gets a
 * message naming the field and what was expected.
 */
import { z } from 'zod';
import { isReservedKey } from '../engine/own-keys.ts';
import { DEFAULT_PROFILE, isProfileId, PROFILES, type ProfileId } from '../engine/profiles.ts';
import { appSchema } from './app-schema.ts';
import { association, expectSchema } from './expect-schema.ts';

const username = z.string().min(1, 'a username');
/** A key of a map the file controls (app id, setting id, field name): data, never an object's own property name (issue 18). */
const dataKey = z
  .string()
  .refine((k) => !isReservedKey(k), { message: 'this key is the name of a property every object has (__proto__, constructor...), so it is not allowed' });
const roomRef = z.string().min(1, 'a room id or name').describe("The room's id or name.");

const userSchema = z
  .object({
    id: z.string().min(1).describe("The user's id."),
    username: z.string().min(1).describe('The username steps and rooms refer to.'),
    name: z.string().optional().describe('The display name.'),
    roles: z.array(z.string()).default(['user']).describe('Global roles (default ["user"]): admin, user, bot, guest, ...'),
  })
  .strict();

const roomSchema = z
  .object({
    id: z.string().min(1).describe("The room's id."),
    slugifiedName: z.string().describe("The room's name (`room.slugifiedName`)."),
    displayName: z.string().optional().describe('The name shown (`room.displayName`).'),
    type: z.enum(['c', 'p', 'd']).describe('c: channel, p: private group, d: direct message.'),
    /** Required for channels and groups; a direct message has no creator (RC createDirectMessage). */
    creator: username.optional().describe("The creator's username; required for channels and groups, none for a direct message."),
    members: z
      .array(username)
      .default([])
      .describe('Usernames of the members; `<nameSlug>.bot` names the bot user of an app in this file (it joins when the app is installed).'),
    /** Room role owner (RC subscription role); omitted = the creator. */
    owners: z.array(username).optional().describe('Usernames with the room role owner (default: the creator).'),
    /** Room role moderator (RC subscription role); omitted = none. */
    moderators: z.array(username).optional().describe('Usernames with the room role moderator (default: none).'),
    isReadOnly: z.boolean().optional().describe('Read-only room.'),
    isDefault: z.boolean().optional().describe('A default room (new users join it).'),
    description: z.string().optional().describe("The room's description."),
    customFields: z.record(dataKey, z.unknown()).optional().describe("The room's custom fields."),
    /** A discussion's parent (RC `prid`; apps see `room.parentRoom`). */
    parentRoom: z.string().min(1).optional().describe('For a discussion: the id of its parent room (apps see it as `room.parentRoom`).'),
  })
  .strict()
  .superRefine((room, ctx) => {
    if (room.type !== 'd' && room.creator === undefined)
      ctx.addIssue({ code: 'custom', path: ['creator'], message: 'is required for a channel or a private group' });
  });

/**
 * Permission -> roles, over Rocket.Chat's defaults (RC `authorization/server/constant/permissions.ts`,
 * hookscope `engine/world/permissions.ts`). Only the permissions given change; omitted = defaults.
 */
const permissionsSchema = z
  .record(z.string().min(1), z.array(z.string().min(1)))
  .describe('Permission id -> the roles that have it, over Rocket.Chat\'s defaults; only the permissions given change (e.g. `{ "create-c": ["admin"] }`).');

const httpMockSchema = z
  .object({
    method: z.string().min(1).default('*').describe('HTTP method to answer (GET, POST, ...; default * = any).'),
    url: z.string().min(1).describe('The URL to answer (exact, or with * as a wildcard).'),
    status: z.number().int().min(100).max(599).default(200).describe('Response status code (default 200).'),
    data: z.unknown().optional().describe('Response body as JSON (`response.data`).'),
    content: z.string().optional().describe('Response body as text (`response.content`).'),
    headers: z.record(dataKey, z.string()).optional().describe('Response headers.'),
    delayMs: z.number().min(0).optional().describe('Answer after this many milliseconds.'),
    error: z.string().optional().describe('Fail the request with this error message instead of answering.'),
  })
  .strict();

const expectStep = expectSchema.optional().describe('What the step must do; the run fails (exit 1) when it does not.');

const stepSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('createRoom').describe('The action: createRoom.'),
      name: z.string().default('').describe("The new room's name (empty for a direct message)."),
      type: z.enum(['c', 'p', 'd']).describe('c: channel, p: private group, d: direct message.'),
      creator: username.describe("The creating user's username."),
      members: z.array(username).optional().describe('Usernames of the other members.'),
      readOnly: z.boolean().optional().describe('Create it read-only.'),
      displayName: z.string().optional().describe('The name shown.'),
      customFields: z.record(dataKey, z.unknown()).optional().describe("The room's custom fields."),
      description: z.string().optional().describe("The room's description."),
      expect: expectStep,
    })
    .strict()
    .describe('Create a room (Pre/Post room create handlers).'),
  z
    .object({
      action: z.literal('deleteRoom').describe('The action: deleteRoom.'),
      room: roomRef,
      by: username.optional().describe('The deleting user (default: the room creator).'),
      expect: expectStep,
    })
    .strict()
    .describe('Delete a room (Pre/Post room delete handlers).'),
  z
    .object({
      action: z.literal('joinRoom').describe('The action: joinRoom.'),
      room: roomRef,
      user: username.describe('The joining user.'),
      inviter: username.optional().describe('Who added them (omitted: they joined themselves).'),
      expect: expectStep,
    })
    .strict()
    .describe('A user joins (or is added to) a room (Pre/Post room user joined handlers).'),
  z
    .object({
      action: z.literal('leaveRoom').describe('The action: leaveRoom.'),
      room: roomRef,
      user: username.describe('The leaving user.'),
      removedBy: username.optional().describe('Who removed them (omitted: they left).'),
      expect: expectStep,
    })
    .strict()
    .describe('A user leaves (or is removed from) a room (Pre/Post room user leave handlers).'),
]);

export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('Where editors find this schema (e.g. ./node_modules/hookscope/dist/scenario.schema.json).'),
    description: z.string().optional().describe('What the scenario checks, in words.'),
    /** A profile name (`rc-8.8`, `rc-7.5-8.7`...) or an old alias (`current`, `deno-1.43`, `legacy`); omitted = the newest. */
    profile: z
      .string()
      .refine(isProfileId, { message: `is not a profile: use one of ${Object.keys(PROFILES).join(', ')} (or current, deno-1.43, legacy)` })
      .transform((id) => id as ProfileId)
      .default(DEFAULT_PROFILE)
      .describe(`The Rocket.Chat version profile: ${Object.keys(PROFILES).join(', ')} (or the old names current, deno-1.43, legacy); default the newest.`),
    /** Per-call timeout; omitted = the profile's default (spec §8: 30 000, 10 000 or 1 000 ms). */
    timeoutMs: z.number().int().positive().optional().describe("Per-call timeout in ms; omitted = the profile's default."),
    apps: z.array(appSchema).default([]).describe('The apps installed, in order: each by `path` (its folder) or with its code inline.'),
    users: z.array(userSchema).default([]).describe('The users of the world.'),
    rooms: z.array(roomSchema).default([]).describe('The rooms that exist before the first step.'),
    settings: z.record(dataKey, z.record(dataKey, z.unknown())).optional().describe("Per app id: setting id -> value (over the settings' package values)."),
    httpMocks: z.array(httpMockSchema).optional().describe("Answers to apps' HTTP requests (the `http` accessor and fetch); a request no mock answers fails."),
    persistence: z
      .record(
        dataKey,
        z.array(
          z.object({
            id: z.string().describe("The record's id."),
            data: z.unknown().describe("The record's data."),
            associations: z.array(association).default([]).describe('What the record is tied to.'),
          }),
        ),
      )
      .optional()
      .describe('Per app id: the persistence records it holds before the first step.'),
    permissions: permissionsSchema.optional(),
    steps: z.array(stepSchema).default([]).describe('The actions, run one after the other; each lets every handler settle before the next.'),
  })
  .strict()
  .transform(({ timeoutMs, ...rest }) => ({
    ...rest,
    timeoutMs: timeoutMs ?? PROFILES[rest.profile].timeoutMs,
    /** False when the file gave no timeout: running under another profile then takes that profile's default. */
    timeoutFromFile: timeoutMs !== undefined,
  }));

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];
export type ScenarioApp = Scenario['apps'][number];
export type { CodeApp, PathApp } from './app-schema.ts';
export { isPathApp } from './app-schema.ts';

export interface ScenarioProblem {
  /** JSON path of the field, e.g. `apps[0].classFile`. */
  path: string;
  message: string;
}

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(top level)';
}

/** Validates parsed JSON; problems name the field and what was expected. */
/**
 * Where the file has an object key `__proto__` (JSON.parse keeps it as an own key; copied into a
 * plain object it would replace that object's prototype, and zod's records drop it silently): the
 * first few paths, refused before anything reads the file.
 */
function protoKeyPaths(json: unknown, path: (string | number)[] = [], out: string[] = [], depth = 0): string[] {
  if (out.length >= 5 || depth > 64 || json === null || typeof json !== 'object') return out;
  if (Array.isArray(json)) {
    json.forEach((v, i) => protoKeyPaths(v, [...path, i], out, depth + 1));
    return out;
  }
  for (const key of Object.keys(json)) {
    if (key === '__proto__') out.push(pathText([...path, key]));
    else protoKeyPaths((json as Record<string, unknown>)[key], [...path, key], out, depth + 1);
  }
  return out;
}

export function parseScenario(json: unknown): ParseOutcome {
  const proto = protoKeyPaths(json);
  if (proto.length)
    return {
      ok: false,
      problems: proto.map((path) => ({ path, message: 'the key __proto__ is not allowed: keys are data, and this one names the prototype of every object' })),
    };
  const result = scenarioSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
  }
  const problems = crossCheck(result.data);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: result.data };
}

/** References between parts of the file: usernames, unique ids. */
function crossCheck(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const usernames = new Set(s.users.map((u) => u.username));
  const dup = <T>(items: T[], key: (t: T) => string, where: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) problems.push({ path: `${where}[${i}]`, message: `duplicate ${JSON.stringify(k)}` });
      seen.add(k);
    });
  };
  dup(s.apps, (a) => a.id ?? `(folder ${a.path})`, 'apps');
  dup(s.users, (u) => u.id, 'users');
  dup(s.users, (u) => u.username, 'users');
  dup(s.rooms, (r) => r.id, 'rooms');
  const roomIds = new Set(s.rooms.map((r) => r.id));
  s.rooms.forEach((room, i) => {
    if (room.parentRoom !== undefined && (!roomIds.has(room.parentRoom) || room.parentRoom === room.id)) {
      problems.push({ path: `rooms[${i}].parentRoom`, message: `names "${room.parentRoom}", which is not the id of another room in "rooms"` });
    }
    if (room.creator !== undefined && !usernames.has(room.creator))
      problems.push({ path: `rooms[${i}].creator`, message: `unknown username "${room.creator}" (not in "users")` });
    for (const list of ['members', 'owners', 'moderators'] as const) {
      (room[list] ?? []).forEach((m, j) => {
        // `<slug>.bot` may be an app's bot user, which exists only once the app is installed:
        // seated after the install (to-engine.ts seatAppBots), refused then if no app has it.
        if (list === 'members' && m.endsWith('.bot')) return;
        if (!usernames.has(m)) problems.push({ path: `rooms[${i}].${list}[${j}]`, message: `unknown username "${m}" (not in "users")` });
      });
    }
  });
  return problems;
}

/** Reads a scenario from JSON text. */
export function parseScenarioText(text: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseScenario(json);
}
