import { describe, expect, it } from 'vitest';
import {
  parseAssociations,
  parseHeaderLines,
  parseJsonObject,
  parseJsonText,
  parseSettingInput,
  validateRoomName,
  validateUsername,
  validateStatus,
  validateDelay,
} from './validation.ts';

describe('world validation', () => {
  it('parses JSON and names the problem', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonText('{a:1}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^Invalid JSON: /);
    expect(parseJsonText('  ').ok).toBe(false);
    expect(parseJsonText('', { allowEmpty: true })).toEqual({ ok: true, value: undefined });
  });

  it('custom fields must be an object; empty means none', () => {
    expect(parseJsonObject('')).toEqual({ ok: true, value: undefined });
    expect(parseJsonObject('{}')).toEqual({ ok: true, value: undefined });
    expect(parseJsonObject('{"x":2}')).toEqual({ ok: true, value: { x: 2 } });
    expect(parseJsonObject('[1]')).toMatchObject({ ok: false, error: expect.stringContaining('JSON object') });
  });

  it('usernames: required, RC pattern, unique', () => {
    expect(validateUsername('', [])).toBe('Username is required.');
    expect(validateUsername('al ice', [])).toMatch(/not a valid username/);
    expect(validateUsername('alice', ['alice'])).toBe('Username "alice" is already taken.');
    expect(validateUsername('a.b-c_1', ['alice'])).toBeUndefined();
  });

  it('room names follow [0-9a-zA-Z-_.]+ except for direct messages', () => {
    expect(validateRoomName('general', 'c', [])).toBeUndefined();
    expect(validateRoomName('my room', 'p', [])).toMatch(/not a valid room name/);
    expect(validateRoomName('', 'c', [])).toBe('Room name is required.');
    expect(validateRoomName('general', 'c', ['general'])).toMatch(/already exists/);
    expect(validateRoomName('', 'd', [])).toBeUndefined();
  });

  it('headers as Name: value lines', () => {
    expect(parseHeaderLines('Content-Type: text/plain\n\nX-A: 1:2')).toEqual({ ok: true, value: { 'Content-Type': 'text/plain', 'X-A': '1:2' } });
    expect(parseHeaderLines('')).toEqual({ ok: true, value: undefined });
    expect(parseHeaderLines('nocolon')).toMatchObject({ ok: false, error: expect.stringContaining('Line 1') });
    expect(parseHeaderLines('bad name: x').ok).toBe(false);
  });

  it('associations as model:id items', () => {
    expect(parseAssociations('room:r1, user:u1')).toEqual({
      ok: true,
      value: [
        { model: 'room', id: 'r1' },
        { model: 'user', id: 'u1' },
      ],
    });
    expect(parseAssociations('')).toEqual({ ok: true, value: [] });
    expect(parseAssociations('room')).toMatchObject({ ok: false });
  });

  it('status, delay and setting numbers', () => {
    expect(validateStatus('204')).toEqual({ ok: true, value: 204 });
    expect(validateStatus('99').ok).toBe(false);
    expect(validateStatus('2.5').ok).toBe(false);
    expect(validateDelay('')).toEqual({ ok: true, value: undefined });
    expect(validateDelay('-1').ok).toBe(false);
    expect(parseSettingInput('int', '12')).toEqual({ ok: true, value: 12 });
    expect(parseSettingInput('int', 'x').ok).toBe(false);
    expect(parseSettingInput('string', 'x')).toEqual({ ok: true, value: 'x' });
  });
});
