/**
 * `http.request`: answered from the world's HTTP mocks, never from the network. The request is
 * prepared as RC's `apps/meteor/app/apps/server/bridges/http.ts` does (current version):
 * - `new URL(url)` (an invalid URL throws `Invalid URL`);
 * - `auth` without ':' throws;
 * - `params` with a truthy value go to the query string when the request is GET/HEAD or has a body
 *   (`content`, or `data` object); otherwise they become a form-encoded body;
 * - the response: `{ url (as given), method (as given), statusCode, headers (lower-case keys),
 *   content, data }`, with `data` = JSON.parse(content) for JSON content types, else null;
 * - a network failure rejects (no try/catch in the current bridge).
 */
import type { HttpMock } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { globMatches } from './glob.ts';
import { copy, freshId, isObj, now, str } from './util.ts';

const JSON_TYPES = ['application/json', 'text/javascript', 'application/javascript', 'application/x-javascript'];

const isGetOrHead = (method: string) => ['GET', 'HEAD'].includes(method.toUpperCase());

/** The URL the bridge would fetch (`url.href` after the query params are appended). */
export function effectiveUrl(method: string, url: string, options: unknown): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BridgeError('Invalid URL');
  }
  const request = isObj(options) ? options : {};
  const auth = request['auth'];
  if (typeof auth === 'string' && auth !== '' && !auth.includes(':')) {
    throw new BridgeError('auth option should be of the form "username:password"');
  }
  const content = request['content'] || (typeof request['data'] === 'object' ? request['data'] : undefined);
  const params = request['params'];
  if ((content || isGetOrHead(method)) && isObj(params)) {
    for (const [key, value] of Object.entries(params)) {
      if (value) parsed.searchParams.append(key, String(value));
    }
  }
  return parsed.href;
}

function findMock(mocks: readonly HttpMock[], method: string, candidates: string[]): number {
  return mocks.findIndex((m) => (m.method === '*' || m.method.toUpperCase() === method.toUpperCase()) && candidates.some((url) => globMatches(m.url, url)));
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return headers[name.toLowerCase()];
}

/** The IHttpResponse a mock produces. */
export function mockResponse(mock: HttpMock, method: string, url: string): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(mock.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (mock.data !== undefined && headerValue(headers, 'content-type') === undefined) {
    headers['content-type'] = 'application/json';
  }
  const content = mock.content ?? (mock.data !== undefined ? JSON.stringify(mock.data) : '');
  const contentType = (headerValue(headers, 'content-type') ?? '').split(';')[0] ?? '';
  let data: unknown = null;
  if (JSON_TYPES.includes(contentType)) {
    try {
      data = JSON.parse(content);
    } catch {
      data = null;
    }
  }
  return { url, method, statusCode: mock.status, headers, content, data };
}

function wait(ctx: BridgeContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    ctx.env.scheduler.setTimeout(resolve, ms);
  });
}

export const request: BridgeHandler<'http.request'> = async (ctx, method, url, options) => {
  const target = effectiveUrl(method, url, options);
  const mocks = ctx.world.data.httpMocks;
  const index = findMock(mocks, method, target === url ? [target] : [target, url]);
  const id = freshId(ctx, 'http', (x) => ctx.world.data.httpLog.some((e) => e.id === x));
  ctx.world.appendHttpExchange({
    id,
    appId: ctx.appId,
    method: method.toUpperCase(),
    url: target,
    request: copy(options ?? null),
    status: null,
    mockIndex: index < 0 ? null : index,
    at: now(ctx),
  });
  const mock = mocks[index];
  if (!mock) {
    const error =
      `No HTTP mock matches ${method.toUpperCase()} ${target}. hookscope never uses the network: ` +
      'add an HTTP mock for this URL in the world (method and URL glob, e.g. "https://api.example.com/*").';
    ctx.world.updateHttpExchange(id, { error });
    throw new BridgeError(error);
  }
  const answer = copy(mock);
  if (answer.delayMs !== undefined && answer.delayMs > 0) await wait(ctx, answer.delayMs);
  const failure = str(answer.error);
  if (failure !== undefined) {
    ctx.world.updateHttpExchange(id, { error: failure });
    throw new BridgeError(failure);
  }
  ctx.world.updateHttpExchange(id, { status: answer.status });
  return mockResponse(answer, method, url);
};
