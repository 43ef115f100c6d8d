/**
 * The world as a file or a link carries it, validated as a whole before anything uses it: every
 * entry has the types the engine and the page read (a room without a string name, a user list
 * that is not a list... is refused with the path of the problem), with hookscope's own size limits.
 * Keys that name Object properties (`__proto__`, `constructor`...) are refused: they are data.
 */
import { z } from 'zod';
import { isReservedKey, type WorldState } from '../engine/index.ts';

/** hookscope's own limits for a world read from a file or a link. */
const WORLD_LIMITS = { list: 20_000, text: 1_000_000, key: 500 } as const;

const text = z.string().max(WORLD_LIMITS.text);
const id = z.string().max(WORLD_LIMITS.key);
const key = z
  .string()
  .max(WORLD_LIMITS.key)
  .refine((k) => !isReservedKey(k), { message: 'this key is the name of a property every object has, so it is not allowed' });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(WORLD_LIMITS.list);
const date = z.date();
const json = z.unknown();
const dict = <T extends z.ZodType>(value: T) => z.record(key, value);

const user = z
  .object({
    id,
    username: text,
    name: text,
    roles: list(text),
    type: z.enum(['user', 'bot', 'app']),
    appId: id.optional(),
    createdAt: date,
    customFields: dict(json).optional(),
  })
  .loose();

const room = z
  .object({
    id,
    slugifiedName: text,
    displayName: text.optional(),
    type: z.enum(['c', 'p', 'd', 'l']),
    creatorId: id,
    memberIds: list(id),
    ownerIds: list(id),
    moderatorIds: list(id).optional(),
    isDefault: z.boolean(),
    isReadOnly: z.boolean(),
    displaySystemMessages: z.boolean(),
    messageCount: z.number(),
    createdAt: date,
    updatedAt: date,
    lastModifiedAt: date.optional(),
    description: text.optional(),
    teamId: id.optional(),
    isTeamMain: z.boolean().optional(),
    customFields: dict(json).optional(),
    parentRoomId: id.optional(),
    isFederated: z.boolean().optional(),
    federation: json.optional(),
    rawFields: dict(json).optional(),
  })
  .loose();

const message = z
  .object({
    id,
    roomId: id,
    senderId: id,
    text: text.optional(),
    blocks: list(json).optional(),
    attachments: list(json).optional(),
    alias: text.optional(),
    emoji: text.optional(),
    avatarUrl: text.optional(),
    groupable: z.boolean().optional(),
    parseUrls: z.boolean().optional(),
    threadId: id.optional(),
    customFields: dict(json).optional(),
    system: z.enum(['uj', 'ul', 'au', 'ru', 'ut']).optional(),
    appId: id.optional(),
    createdAt: date,
    updatedAt: date.optional(),
  })
  .loose();

const notification = z
  .object({
    id,
    appId: id,
    target: z.union([z.object({ kind: z.literal('user'), userId: id }), z.object({ kind: z.literal('room'), roomId: id })]),
    roomId: id.optional(),
    senderId: id.optional(),
    text: text.optional(),
    blocks: list(json).optional(),
    createdAt: date,
  })
  .loose();

const association = z.object({ model: text, id: text }).loose();
const record = z.object({ id, data: json, associations: list(association) }).loose();

const setting = z
  .object({
    id: key,
    type: text,
    packageValue: json,
    value: json.optional(),
    required: z.boolean(),
    public: z.boolean(),
    i18nLabel: text,
    i18nDescription: text.optional(),
    values: json.optional(),
    createdAt: date.optional(),
    updatedAt: date.optional(),
  })
  .loose();

const mock = z
  .object({
    method: text,
    url: text,
    status: z.number(),
    data: json.optional(),
    content: text.optional(),
    headers: dict(text).optional(),
    delayMs: z.number().nonnegative().optional(),
    error: text.optional(),
  })
  .loose();

const exchange = z
  .object({
    id,
    appId: id,
    method: text,
    url: text,
    request: json,
    status: z.number().nullable(),
    error: text.optional(),
    mockIndex: z.number().nullable(),
    at: date,
  })
  .loose();

const worldSchema = z.object({
  users: list(user),
  rooms: list(room),
  messages: list(message),
  notifications: list(notification),
  persistence: dict(list(record)),
  settings: dict(dict(setting)),
  serverSettings: dict(json),
  httpMocks: list(mock),
  httpLog: list(exchange),
  permissions: dict(list(text)).optional(),
});

export type WorldCheck = { ok: true; world: WorldState } | { ok: false; problem: string };

/** The path of a zod issue as a user reads it: `world.rooms[0].slugifiedName`. */
export function issuePath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(top level)';
}

/** The world if every part of it has the right type, else the first problems with their path. */
export function checkWorld(value: unknown, root = 'world'): WorldCheck {
  const parsed = worldSchema.safeParse(value);
  if (parsed.success) return { ok: true, world: parsed.data as unknown as WorldState };
  const issues = parsed.error.issues;
  const words = issues.slice(0, 3).map((i) => `${issuePath(root, i.path)}: ${i.message}`);
  return { ok: false, problem: words.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '') };
}
