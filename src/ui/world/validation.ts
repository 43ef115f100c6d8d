/**
 * Validation for the World panel's editors. Every function returns specific, human messages;
 * nothing is dropped silently. Pure: no React, no DOM.
 */
import type { Association } from '../../engine/index.ts';

/** Rocket.Chat's default `UTF8_Channel_Names_Validation` (and `UTF8_User_Names_Validation`). */
export const NAME_PATTERN = /^[0-9a-zA-Z\-_.]+$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses JSON text, naming the problem. Empty text is `undefined` when `allowEmpty`. */
export function parseJsonText(text: string, opts: { allowEmpty?: boolean } = {}): Parsed<unknown> {
  if (text.trim() === '') {
    return opts.allowEmpty ? { ok: true, value: undefined } : { ok: false, error: 'Enter a JSON value (e.g. {} or "text").' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: `Invalid JSON: ${(err as Error).message}` };
  }
}

/** A JSON object (custom fields): `{}` or empty text means none. */
export function parseJsonObject(text: string): Parsed<Record<string, unknown> | undefined> {
  const parsed = parseJsonText(text, { allowEmpty: true });
  if (!parsed.ok) return parsed;
  if (parsed.value === undefined) return { ok: true, value: undefined };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return { ok: false, error: 'Must be a JSON object, e.g. {"topic": "support"}.' };
  }
  const obj = parsed.value as Record<string, unknown>;
  return { ok: true, value: Object.keys(obj).length ? obj : undefined };
}

/** Headers as `Name: value` lines. */
export function parseHeaderLines(text: string): Parsed<Record<string, string> | undefined> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `Line ${i + 1}: expected "Name: value", got "${line}".` };
    const name = line.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { ok: false, error: `Line ${i + 1}: "${name}" is not a valid header name.` };
    out[name] = line.slice(colon + 1).trim();
  }
  return { ok: true, value: Object.keys(out).length ? out : undefined };
}

export function headerLines(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** Associations as `model:id` items separated by commas or new lines (`room:GENERAL`). */
export function parseAssociations(text: string): Parsed<Association[]> {
  const out: Association[] = [];
  for (const item of text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = item.indexOf(':');
    if (colon <= 0 || colon === item.length - 1) return { ok: false, error: `"${item}": expected model:id, e.g. room:GENERAL.` };
    out.push({ model: item.slice(0, colon).trim(), id: item.slice(colon + 1).trim() });
  }
  return { ok: true, value: out };
}

export function associationsText(associations: readonly Association[]): string {
  return associations.map((a) => `${a.model}:${a.id}`).join(', ');
}

export function validateUsername(username: string, taken: readonly string[]): string | undefined {
  if (username.trim() === '') return 'Username is required.';
  if (username !== username.trim()) return 'Username cannot start or end with spaces.';
  if (!NAME_PATTERN.test(username)) return `"${username}" is not a valid username: use letters, digits, "-", "_" and "." only.`;
  if (taken.includes(username)) return `Username "${username}" is already taken.`;
  return undefined;
}

export function validateRoomName(name: string, type: string, taken: readonly string[]): string | undefined {
  if (type === 'd') return undefined;
  if (name.trim() === '') return 'Room name is required.';
  if (!NAME_PATTERN.test(name)) {
    return `"${name}" is not a valid room name: Rocket.Chat's default rule allows letters, digits, "-", "_" and "." only (no spaces).`;
  }
  if (taken.includes(name)) return `A room named "${name}" already exists.`;
  return undefined;
}

export function validateStatus(text: string): Parsed<number> {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 100 || n > 599) return { ok: false, error: 'Status must be a whole number from 100 to 599.' };
  return { ok: true, value: n };
}

export function validateDelay(text: string): Parsed<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return { ok: false, error: 'Delay must be a number of milliseconds, 0 or more.' };
  return { ok: true, value: n === 0 ? undefined : n };
}

/** A setting's value as typed into its control, checked against its type. */
export function parseSettingInput(type: string, text: string): Parsed<unknown> {
  if (type === 'int') {
    const n = Number(text);
    if (text.trim() === '') return { ok: false, error: 'Enter a number (empty is not allowed for a number setting).' };
    if (!Number.isFinite(n)) return { ok: false, error: `"${text}" is not a number.` };
    return { ok: true, value: n };
  }
  return { ok: true, value: text };
}
