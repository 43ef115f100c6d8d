import { describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { globMatches } from './glob.ts';
import { effectiveUrl } from './http.ts';
import { makeCtx, smallWorld, T0 } from './test-world.ts';
import type { HttpMock } from '../world/types.ts';

function ctxWithMocks(mocks: HttpMock[]) {
  const state = smallWorld();
  state.httpMocks = mocks;
  return makeCtx(state);
}

describe('glob', () => {
  it('* is any run of characters, everything else is literal', () => {
    expect(globMatches('https://api.example.com/*', 'https://api.example.com/v1/users?id=1')).toBe(true);
    expect(globMatches('https://api.example.com/*', 'https://api.example.com/')).toBe(true);
    expect(globMatches('https://api.example.com/*', 'https://apixexample.com/')).toBe(false);
    expect(globMatches('https://*.example.com/x', 'https://a.b.example.com/x')).toBe(true);
    expect(globMatches('https://x.com/a?b=1', 'https://x.com/a?b=1')).toBe(true);
    expect(globMatches('https://x.com/a?b=1', 'https://x.com/ab=1')).toBe(false);
    expect(globMatches('https://x.com/a', 'https://x.com/a?b=1')).toBe(false);
    expect(globMatches('https://x.com/(a)+[b]', 'https://x.com/(a)+[b]')).toBe(true);
    expect(globMatches('*', 'anything at all')).toBe(true);
  });
});

describe('effectiveUrl (RC query-param rules)', () => {
  it('GET appends truthy params; POST with a body appends; POST without body does not', () => {
    expect(effectiveUrl('get', 'https://x.com/a?z=0', { params: { b: 'two words', n: 3, empty: '', zero: 0 } })).toBe('https://x.com/a?z=0&b=two+words&n=3');
    expect(effectiveUrl('post', 'https://x.com/a', { data: { a: 1 }, params: { q: 'x' } })).toBe('https://x.com/a?q=x');
    expect(effectiveUrl('post', 'https://x.com/a', { params: { q: 'x' } })).toBe('https://x.com/a');
    expect(effectiveUrl('get', 'https://X.com', undefined)).toBe('https://x.com/');
  });

  it('invalid URL and bad auth throw', () => {
    expect(() => effectiveUrl('get', 'not a url', {})).toThrow('Invalid URL');
    expect(() => effectiveUrl('get', 'https://x.com', { auth: 'nocolon' })).toThrow('auth option should be of the form "username:password"');
  });
});

describe('http.request', () => {
  it('answers from the first matching mock (method case-insensitive, * any), JSON data parsed', async () => {
    const ctx = ctxWithMocks([
      { method: 'POST', url: 'https://api.example.com/*', status: 500 },
      { method: 'get', url: 'https://api.example.com/users?id=*', status: 200, data: { name: 'Ann' } },
      { method: '*', url: 'https://api.example.com/*', status: 404, content: 'nope', headers: { 'Content-Type': 'text/plain' } },
    ]);
    const res = await dispatchAccessor(ctx, 'http.request', ['get', 'https://api.example.com/users', { params: { id: '7' } }]);
    expect(res).toEqual({
      url: 'https://api.example.com/users',
      method: 'get',
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      content: '{"name":"Ann"}',
      data: { name: 'Ann' },
    });
    const other = await dispatchAccessor(ctx, 'http.request', ['delete', 'https://api.example.com/x', {}]);
    expect(other).toMatchObject({ statusCode: 404, content: 'nope', data: null, headers: { 'content-type': 'text/plain' } });
    expect(ctx.world.data.httpLog).toEqual([
      {
        id: 'http-1',
        appId: 'app-1',
        method: 'GET',
        url: 'https://api.example.com/users?id=7',
        request: { params: { id: '7' } },
        status: 200,
        mockIndex: 1,
        at: T0,
      },
      { id: 'http-2', appId: 'app-1', method: 'DELETE', url: 'https://api.example.com/x', request: {}, status: 404, mockIndex: 2, at: T0 },
    ]);
  });

  it('content with a JSON content type is parsed; bad JSON gives data null', async () => {
    const ctx = ctxWithMocks([
      { method: 'GET', url: 'https://a.com/ok', status: 200, content: '[1,2]', headers: { 'content-type': 'application/json; charset=utf-8' } },
      { method: 'GET', url: 'https://a.com/bad', status: 200, content: '{oops', headers: { 'content-type': 'application/json' } },
    ]);
    expect(await dispatchAccessor(ctx, 'http.request', ['get', 'https://a.com/ok', {}])).toMatchObject({ data: [1, 2] });
    expect(await dispatchAccessor(ctx, 'http.request', ['get', 'https://a.com/bad', {}])).toMatchObject({ data: null, content: '{oops' });
  });

  it('also matches the URL as written when normalisation changes it', async () => {
    const ctx = ctxWithMocks([{ method: 'GET', url: 'https://a.com', status: 204 }]);
    expect(await dispatchAccessor(ctx, 'http.request', ['get', 'https://a.com', {}])).toMatchObject({ statusCode: 204, content: '', data: null });
  });

  it('no mock: a clear error naming method and URL, logged', async () => {
    const ctx = ctxWithMocks([{ method: 'POST', url: 'https://a.com/*', status: 200 }]);
    const call = dispatchAccessor(ctx, 'http.request', ['get', 'https://a.com/x', { params: { q: '1' } }]);
    await expect(call).rejects.toThrow(/^No HTTP mock matches GET https:\/\/a\.com\/x\?q=1\. .*add an HTTP mock/);
    expect(ctx.world.data.httpLog[0]).toMatchObject({ status: null, mockIndex: null, url: 'https://a.com/x?q=1' });
    expect(ctx.world.data.httpLog[0]?.error).toMatch(/^No HTTP mock matches/);
  });

  it('waits delayMs on the injected scheduler, then answers or fails with the mock error', async () => {
    const ctx = ctxWithMocks([
      { method: 'GET', url: 'https://slow.com/ok', status: 200, data: { ok: true }, delayMs: 1500 },
      { method: 'GET', url: 'https://slow.com/down', status: 0, delayMs: 200, error: 'getaddrinfo ENOTFOUND slow.com' },
    ]);
    let settled = false;
    const ok = dispatchAccessor(ctx, 'http.request', ['get', 'https://slow.com/ok', {}]).then((r) => {
      settled = true;
      return r;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(ctx.scheduler.pending.map((p) => p.ms)).toEqual([1500]);
    expect(ctx.world.data.httpLog[0]).toMatchObject({ status: null });
    ctx.scheduler.flush();
    expect(await ok).toMatchObject({ statusCode: 200, data: { ok: true } });
    expect(ctx.world.data.httpLog[0]).toMatchObject({ status: 200 });

    const down = dispatchAccessor(ctx, 'http.request', ['get', 'https://slow.com/down', {}]);
    await Promise.resolve();
    await Promise.resolve();
    ctx.scheduler.flush();
    await expect(down).rejects.toThrow('getaddrinfo ENOTFOUND slow.com');
    expect(ctx.world.data.httpLog[1]).toMatchObject({ status: null, error: 'getaddrinfo ENOTFOUND slow.com', mockIndex: 1 });
  });
});
