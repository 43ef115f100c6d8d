import type { IHttpRequest, IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';
import { describe, expect, it } from 'vitest';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { fakeRequest } from './fake-request.ts';
import { createAccessors } from './index.ts';

const app = (): AppDescriptor => ({
  id: 'app-h',
  name: 'App',
  nameSlug: 'app',
  version: '1.0.0',
  description: '',
  requiredApiVersion: '^1.0.0',
  author: { name: 'me', support: 'x' },
  classFile: 'main.ts',
});
const resp: IHttpResponse = { url: 'https://x', method: 'get' as IHttpResponse['method'], statusCode: 200, content: 'ok' };

describe('IHttp', () => {
  it('each verb sends one http.request with METHOD, url and completed options', async () => {
    const f = fakeRequest();
    f.answer('http.request', resp);
    const { http } = createAccessors(f.request, app());
    expect(await http.get('https://x')).toEqual(resp);
    await http.post('https://x/p', { data: { a: 1 } });
    await http.put('https://x/u', { content: 'c' });
    await http.del('https://x/d');
    await http.patch('https://x/pa', { headers: { A: 'b' } });
    expect(f.calls).toEqual([
      ['http.request', ['GET', 'https://x', { headers: {}, params: {} }]],
      ['http.request', ['POST', 'https://x/p', { data: { a: 1 }, headers: {}, params: {} }]],
      ['http.request', ['PUT', 'https://x/u', { content: 'c', headers: {}, params: {} }]],
      ['http.request', ['DELETE', 'https://x/d', { headers: {}, params: {} }]],
      ['http.request', ['PATCH', 'https://x/pa', { headers: { A: 'b' }, params: {} }]],
    ]);
    expect((http as unknown as Record<string, unknown>)['head']).toBeUndefined();
  });

  it('applies default headers/params (not overriding the request) and pre-handlers in order, shared per app', async () => {
    const f = fakeRequest();
    f.answer('http.request', resp);
    const a = app();
    const { configurationExtend } = createAccessors(f.request, a);
    const ext = configurationExtend.http;
    ext.provideDefaultHeaders({ 'X-Token': 't', Accept: 'json' });
    ext.provideDefaultHeader('X-One', '1');
    ext.provideDefaultParams({ lang: 'en' });
    ext.provideDefaultParam('v', '2');
    const seen: string[] = [];
    ext.providePreRequestHandler({
      executePreHttpRequest: async (url: string, req: IHttpRequest) => {
        seen.push(`req1 ${url}`);
        return { ...req, headers: { ...req.headers, 'X-Pre': '1' } };
      },
    });
    ext.providePreRequestHandler({
      executePreHttpRequest: async (_url: string, req: IHttpRequest, read: unknown, persis: unknown) => {
        seen.push(`req2 ${typeof read} ${typeof persis} ${req.headers?.['X-Pre']}`);
        return { ...req, query: 'q=1' };
      },
    });
    ext.providePreResponseHandler({
      executePreHttpResponse: async (r: IHttpResponse) => ({ ...r, content: `${r.content}!` }),
    });
    // A later accessor set of the same app (made per call) uses the same store.
    const { http } = createAccessors(f.request, a);
    const out = await http.get('https://x', { headers: { Accept: 'xml' }, params: { lang: 'pt' } });
    expect(out).toEqual({ ...resp, content: 'ok!' });
    expect(seen).toEqual(['req1 https://x', 'req2 object object 1']);
    expect(f.calls).toEqual([
      [
        'http.request',
        [
          'GET',
          'https://x',
          {
            headers: { Accept: 'xml', 'X-Token': 't', 'X-One': '1', 'X-Pre': '1' },
            params: { lang: 'pt', v: '2' },
            query: 'q=1',
          },
        ],
      ],
    ]);
    // Another app descriptor has its own store.
    const other = createAccessors(f.request, app());
    await other.http.get('https://y');
    expect(f.calls[1]).toEqual(['http.request', ['GET', 'https://y', { headers: {}, params: {} }]]);
  });

  it('host errors reject the call', async () => {
    const f = fakeRequest();
    f.answer('http.request', new Error('getaddrinfo ENOTFOUND x'));
    const { http } = createAccessors(f.request, app());
    await expect(http.get('https://x')).rejects.toThrow('getaddrinfo ENOTFOUND x');
  });
});
