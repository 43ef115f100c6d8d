import { describe, expect, it } from 'vitest';
import { fakeRequest } from './fake-request.ts';
import { acceptAllObject, rejectUnsupported, throwUnsupported, unsupportedMessage, unsupportedObject } from './unsupported.ts';
import type { RequestFn } from './types.ts';

const SCOPE = 'room-event simulation covers settings, users, rooms, messages, persistence, http and modify';

describe('unsupported helpers', () => {
  it('message names the method', () => {
    expect(unsupportedMessage('IRead.getLivechatReader().getRoomById()')).toBe(`hookscope does not simulate IRead.getLivechatReader().getRoomById(); ${SCOPE}`);
  });

  it('any method of an unsupported object rejects naming it and reports to the host', async () => {
    const f = fakeRequest();
    const obj = unsupportedObject<Record<string, (...a: unknown[]) => Promise<unknown>>>(f.request, 'IRead.getLivechatReader()');
    const fn = obj['getRoomById'];
    expect(typeof fn).toBe('function');
    await expect(fn!('r1')).rejects.toThrow(`hookscope does not simulate IRead.getLivechatReader().getRoomById(); ${SCOPE}`);
    await expect(obj['whateverElse']!()).rejects.toThrow('IRead.getLivechatReader().whateverElse()');
    expect(f.calls).toEqual([
      ['unsupported', ['IRead.getLivechatReader().getRoomById()']],
      ['unsupported', ['IRead.getLivechatReader().whateverElse()']],
    ]);
  });

  it('rejects with our message even when the host answers ok', async () => {
    const ok: RequestFn = async () => null as never;
    await expect(rejectUnsupported(ok, 'X.y()')).rejects.toThrow(unsupportedMessage('X.y()'));
  });

  it('awaiting an unsupported object does not throw and does not call the host', async () => {
    const f = fakeRequest();
    const obj = unsupportedObject<object>(f.request, 'IModify.getScheduler()');
    const awaited = await obj;
    expect(awaited).toBe(obj);
    expect((obj as { then?: unknown }).then).toBeUndefined();
    expect(JSON.stringify({ a: obj })).toBe('{"a":{}}');
    expect(String(obj)).toBe('[hookscope unsupported IModify.getScheduler()]');
    expect(Object.prototype.toString.call(obj)).toBe('[object hookscope unsupported IModify.getScheduler()]');
    expect((obj as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
    expect((obj as Record<string, unknown>)['constructor']).toBeUndefined();
    expect(Object.keys(obj)).toEqual([]);
    expect(f.calls).toEqual([]);
  });

  it('throwUnsupported throws synchronously and tells the host', () => {
    const f = fakeRequest();
    expect(() => throwUnsupported(f.request, 'IModify.getCreator().startDiscussion()')).toThrow(unsupportedMessage('IModify.getCreator().startDiscussion()'));
    expect(f.calls).toEqual([['unsupported', ['IModify.getCreator().startDiscussion()']]]);
  });

  it('acceptAllObject resolves any registration with undefined', async () => {
    const obj = acceptAllObject<Record<string, (...a: unknown[]) => Promise<unknown>>>('IConfigurationExtend.api');
    await expect(obj['provideApi']!({ endpoints: [] })).resolves.toBeUndefined();
    expect(await obj).toBe(obj);
  });
});
