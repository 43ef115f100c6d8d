/**
 * The scenario file: apps + world + steps. One format for the headless runner, import/export,
 * share links, examples and regression tests. Validated with zod so a malformed file gets a
 * message naming the field and what was expected.
 */
import { z } from 'zod';
import { DEFAULT_PROFILE, isProfileId, PROFILES, type ProfileId } from '../engine/profiles.ts';
import { appSchema } from './app-schema.ts';
import { expectSchema } from './expect-schema.ts';

const username = z.string().min(1, 'a username');
const roomRef = z.string().min(1, 'a room id or name');

const userSchema = z
  .object({
    id: z.string().min(1),
    username: z.string().min(1),
    name: z.string().optional(),
    roles: z.array(z.string()).default(['user']),
  })
  .strict();

const roomSchema = z
  .object({
    id: z.string().min(1),
    slugifiedName: z.string(),
    displayName: z.string().optional(),
    type: z.enum(['c', 'p', 'd']),
    /** Required for channels and groups; a direct message has no creator (RC createDirectMessage). */
    creator: username.optional(),
    members: z.array(username).default([]),
    /** Room role owner (RC subscription role); omitted = the creator. */
    owners: z.array(username).optional(),
    /** Room role moderator (RC subscription role); omitted = none. */
    moderators: z.array(username).optional(),
    isReadOnly: z.boolean().optional(),
    isDefault: z.boolean().optional(),
    description: z.string().optional(),
    customFields: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((room, ctx) => {
    if (room.type !== 'd' && room.creator === undefined) ctx.addIssue({ code: 'custom', path: ['creator'], message: 'is required for a channel or a private group' });
  });

/**
 * Permission -> roles, over Rocket.Chat's defaults (RC `authorization/server/constant/permissions.ts`,
 * hookscope `engine/world/permissions.ts`). Only the permissions given change; omitted = defaults.
 */
const permissionsSchema = z.record(z.string().min(1), z.array(z.string().min(1)));

const httpMockSchema = z
  .object({
    method: z.string().min(1).default('*'),
    url: z.string().min(1),
    status: z.number().int().min(100).max(599).default(200),
    data: z.unknown().optional(),
    content: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    delayMs: z.number().min(0).optional(),
    error: z.string().optional(),
  })
  .strict();

const stepSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('createRoom'),
    name: z.string().default(''),
    type: z.enum(['c', 'p', 'd']),
    creator: username,
    members: z.array(username).optional(),
    readOnly: z.boolean().optional(),
    displayName: z.string().optional(),
    customFields: z.record(z.string(), z.unknown()).optional(),
    description: z.string().optional(),
    expect: expectSchema.optional(),
  }).strict(),
  z.object({ action: z.literal('deleteRoom'), room: roomRef, by: username.optional(), expect: expectSchema.optional() }).strict(),
  z.object({ action: z.literal('joinRoom'), room: roomRef, user: username, inviter: username.optional(), expect: expectSchema.optional() }).strict(),
  z.object({ action: z.literal('leaveRoom'), room: roomRef, user: username, removedBy: username.optional(), expect: expectSchema.optional() }).strict(),
]);

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    /** A profile name (`rc-8.8`, `rc-7.5-8.7`...) or an old alias (`current`, `deno-1.43`, `legacy`); omitted = the newest. */
    profile: z
      .string()
      .refine(isProfileId, { message: `is not a profile: use one of ${Object.keys(PROFILES).join(', ')} (or current, deno-1.43, legacy)` })
      .transform((id) => id as ProfileId)
      .default(DEFAULT_PROFILE),
    /** Per-call timeout; omitted = the profile's default (spec §8: 30 000, 10 000 or 1 000 ms). */
    timeoutMs: z.number().int().positive().optional(),
    apps: z.array(appSchema).default([]),
    users: z.array(userSchema).default([]),
    rooms: z.array(roomSchema).default([]),
    settings: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    httpMocks: z.array(httpMockSchema).optional(),
    persistence: z.record(z.string(), z.array(z.object({ id: z.string(), data: z.unknown(), associations: z.array(z.object({ model: z.string(), id: z.string() })).default([]) }))).optional(),
    permissions: permissionsSchema.optional(),
    steps: z.array(stepSchema).default([]),
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
export function parseScenario(json: unknown): ParseOutcome {
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
  s.rooms.forEach((room, i) => {
    if (room.creator !== undefined && !usernames.has(room.creator)) problems.push({ path: `rooms[${i}].creator`, message: `unknown username "${room.creator}" (not in "users")` });
    for (const list of ['members', 'owners', 'moderators'] as const) {
      (room[list] ?? []).forEach((m, j) => {
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
