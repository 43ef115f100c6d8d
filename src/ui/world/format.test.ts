import { describe, expect, it } from 'vitest';
import { appIds, exchangeMock, exchangeResult, formatTime, isOverridden, jsonPreview, messageRows, messageText } from './format.ts';
import { sampleWorld } from './sample-world.ts';

describe('world formatting', () => {
  it('groups messages by room, including rooms since deleted', () => {
    const w = sampleWorld();
    w.messages.push({ id: 'm2', roomId: 'gone', senderId: 'u2', system: 'uj', createdAt: new Date() });
    const rows = messageRows(w);
    expect(rows.map((r) => (r.kind === 'room' ? r.label : r.key))).toEqual(['#general', 'm1', 'deleted room gone', 'm2']);
    expect(messageRows(w, 'HELLO').map((r) => r.key)).toEqual(['room-r1', 'm1']);
  });
  it('describes message content', () => {
    expect(messageText({ system: 'ul' })).toBe('user left');
    expect(messageText({ blocks: [1, 2] })).toBe('[2 blocks]');
    expect(messageText({})).toBe('(empty message)');
  });
  it('formats times from dates or strings', () => {
    const d = new Date(2024, 0, 2, 3, 4, 5, 6);
    expect(formatTime(d)).toBe('03:04:05.006');
    expect(formatTime(d.toISOString())).toBe('03:04:05.006');
    expect(formatTime('nope')).toBe('');
  });
  it('previews JSON', () => {
    expect(jsonPreview({ a: 'x'.repeat(100) }, 10)).toHaveLength(10);
    expect(jsonPreview(undefined)).toBe('undefined');
  });
  it('settings override state', () => {
    const s = sampleWorld().settings['app1']!['greeting']!;
    expect(isOverridden(s)).toBe(false);
    expect(isOverridden({ ...s, value: 'hi' })).toBe(false);
    expect(isOverridden({ ...s, value: 'yo' })).toBe(true);
  });
  it('http log rows', () => {
    const w = sampleWorld();
    const e = { id: 'e', appId: 'a', method: 'GET', url: 'https://api.example.com/u', request: {}, status: 200, mockIndex: 0, at: new Date() };
    expect(exchangeMock(w, e)).toBe('#1 GET https://api.example.com/*');
    expect(exchangeMock(w, { ...e, mockIndex: null })).toBe('no mock');
    expect(exchangeMock(w, { ...e, mockIndex: 1, method: 'POST', url: 'https://other/x' })).toBe('#2 * *');
    expect(exchangeMock(w, { ...e, mockIndex: 0, url: 'https://other/x' })).toBe('#1 at call time (mocks changed since)');
    expect(exchangeResult({ ...e, error: 'boom' })).toBe('failed: boom');
  });
  it('lists apps by name, including ids that only have data', () => {
    expect(appIds({ b: 'Alpha', a: 'Zeta' }, { c: [] })).toEqual(['b', 'a', 'c']);
  });
});
