/** Labels and row models for the World panel's read-only views. Pure. */
import {
  globMatches,
  type AppSetting,
  type HttpExchange,
  type RoomTypeCode,
  type WorldMessage,
  type WorldNotification,
  type WorldState,
} from '../../engine/index.ts';

export const ROOM_TYPE_LABELS: Record<RoomTypeCode, string> = {
  c: 'Public channel',
  p: 'Private group',
  d: 'Direct message',
  l: 'Livechat',
};

export const SYSTEM_LABELS: Record<NonNullable<WorldMessage['system']>, string> = {
  uj: 'user joined',
  ul: 'user left',
  au: 'user added',
  ru: 'user removed',
  ut: 'joined conversation',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm` in local time; dates may have travelled through JSON as strings. */
export function formatTime(at: Date | string | number | undefined): string {
  if (at === undefined) return '';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function userLabel(world: WorldState, id: string | undefined): string {
  if (id === undefined) return '';
  const user = world.users.find((u) => u.id === id);
  return user ? `@${user.username}` : id;
}

export function roomLabel(world: WorldState, id: string): string {
  const room = world.rooms.find((r) => r.id === id);
  if (!room) return `deleted room ${id}`;
  return room.type === 'd' ? `@${room.slugifiedName}` : `#${room.slugifiedName}`;
}

export function appLabel(appNames: Record<string, string>, id: string | undefined): string {
  if (id === undefined) return '';
  return appNames[id] ?? id;
}

/** One line for JSON-ish data, cut to `max` characters. */
export function jsonPreview(value: unknown, max = 80): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function messageText(m: Pick<WorldMessage, 'text' | 'blocks' | 'attachments' | 'system'>): string {
  if (m.system) return m.text ? `${SYSTEM_LABELS[m.system]}: ${m.text}` : SYSTEM_LABELS[m.system];
  if (m.text) return m.text;
  const parts: string[] = [];
  if (m.blocks?.length) parts.push(`[${m.blocks.length} block${m.blocks.length > 1 ? 's' : ''}]`);
  if (m.attachments?.length) parts.push(`[${m.attachments.length} attachment${m.attachments.length > 1 ? 's' : ''}]`);
  return parts.join(' ') || '(empty message)';
}

export type MessageRow = { kind: 'room'; key: string; label: string; count: number } | { kind: 'message'; key: string; message: WorldMessage };

/** Messages grouped by room (rooms in world order, then rooms since deleted), oldest first in each. */
export function messageRows(world: WorldState, filter = ''): MessageRow[] {
  const needle = filter.trim().toLowerCase();
  const byRoom = new Map<string, WorldMessage[]>();
  for (const m of world.messages) {
    if (needle && !`${messageText(m)} ${userLabel(world, m.senderId)} ${roomLabel(world, m.roomId)}`.toLowerCase().includes(needle)) continue;
    const list = byRoom.get(m.roomId) ?? [];
    list.push(m);
    byRoom.set(m.roomId, list);
  }
  const order = [...world.rooms.map((r) => r.id).filter((id) => byRoom.has(id)), ...[...byRoom.keys()].filter((id) => !world.rooms.some((r) => r.id === id))];
  const rows: MessageRow[] = [];
  for (const roomId of order) {
    const list = byRoom.get(roomId) ?? [];
    rows.push({ kind: 'room', key: `room-${roomId}`, label: roomLabel(world, roomId), count: list.length });
    const sorted = [...list].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
    for (const message of sorted) rows.push({ kind: 'message', key: message.id, message });
  }
  return rows;
}

export function notificationTarget(world: WorldState, n: WorldNotification): string {
  return n.target.kind === 'user' ? userLabel(world, n.target.userId) : roomLabel(world, n.target.roomId);
}

/** Whether a setting's current value differs from its package value. */
export function isOverridden(setting: AppSetting): boolean {
  if (setting.value === undefined || setting.value === null) return false;
  return JSON.stringify(setting.value) !== JSON.stringify(setting.packageValue);
}

export function effectiveValue(setting: AppSetting): unknown {
  return setting.value === undefined || setting.value === null ? setting.packageValue : setting.value;
}

/**
 * The mock that answered an exchange, in words. The log keeps the mock's index at call time; if the
 * mock now at that index would not match (mocks were reordered or edited), say so instead of
 * naming the wrong one. The logged URL includes query params the bridge appended, so the
 * URL without its query is tried too (the bridge matched either).
 */
export function exchangeMock(world: WorldState, e: HttpExchange): string {
  if (e.mockIndex === null) return 'no mock';
  const mock = world.httpMocks[e.mockIndex];
  const still =
    mock &&
    (mock.method === '*' || mock.method.toUpperCase() === e.method.toUpperCase()) &&
    [e.url, e.url.split('?')[0] ?? ''].some((u) => globMatches(mock.url, u));
  return still ? `#${e.mockIndex + 1} ${mock.method} ${mock.url}` : `#${e.mockIndex + 1} at call time (mocks changed since)`;
}

export function exchangeResult(e: HttpExchange): string {
  if (e.error !== undefined) return `failed: ${e.error}`;
  if (e.status === null) return 'pending…';
  return String(e.status);
}

/** App ids to show: named apps by name, then ids that only have data (apps since removed). */
export function appIds(appNames: Record<string, string>, ...withData: Record<string, unknown>[]): string[] {
  const named = Object.keys(appNames).sort((a, b) => appLabel(appNames, a).localeCompare(appLabel(appNames, b)));
  const others = [...new Set(withData.flatMap((o) => Object.keys(o)))].filter((id) => !(id in appNames)).sort();
  return [...named, ...others];
}
