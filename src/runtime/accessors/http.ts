/**
 * IHttp and IHttpExtend. Default headers/params and pre-request/pre-response handlers are applied
 * as in RC packages/apps-engine/src/server/accessors/Http.ts (and the deno runtime's
 * lib/accessors/http.ts): defaults fill only keys the request does not already set (as strings),
 * handlers run in registration order, each receiving the previous one's result.
 *
 * The extend store is per app: `configurationExtend.http` (made once, at load) and every `http`
 * accessor (made per call) share it through {@link httpExtendFor}, keyed by the app descriptor
 * OBJECT: the core must pass the same descriptor object to every createAccessors of one app.
 */
import type {
  IHttp,
  IHttpExtend,
  IHttpPreRequestHandler,
  IHttpPreResponseHandler,
  IHttpRequest,
  IHttpResponse,
  IPersistence,
  IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import type { RequestFn } from './types.ts';

export class HttpExtend implements IHttpExtend {
  private readonly headers = new Map<string, string>();
  private readonly params = new Map<string, string>();
  private readonly requests: IHttpPreRequestHandler[] = [];
  private readonly responses: IHttpPreResponseHandler[] = [];

  public provideDefaultHeader(key: string, value: string): void {
    this.headers.set(key, value);
  }

  public provideDefaultHeaders(headers: { [key: string]: string }): void {
    for (const [key, value] of Object.entries(headers)) this.headers.set(key, value);
  }

  public provideDefaultParam(key: string, value: string): void {
    this.params.set(key, value);
  }

  public provideDefaultParams(params: { [key: string]: string }): void {
    for (const [key, value] of Object.entries(params)) this.params.set(key, value);
  }

  public providePreRequestHandler(handler: IHttpPreRequestHandler): void {
    this.requests.push(handler);
  }

  public providePreResponseHandler(handler: IHttpPreResponseHandler): void {
    this.responses.push(handler);
  }

  public getDefaultHeaders(): Map<string, string> {
    return new Map(this.headers);
  }

  public getDefaultParams(): Map<string, string> {
    return new Map(this.params);
  }

  public getPreRequestHandlers(): IHttpPreRequestHandler[] {
    return [...this.requests];
  }

  public getPreResponseHandlers(): IHttpPreResponseHandler[] {
    return [...this.responses];
  }
}

const stores = new WeakMap<AppDescriptor, HttpExtend>();

/** The one HttpExtend of an app (created on first use). */
export function httpExtendFor(app: AppDescriptor): HttpExtend {
  let store = stores.get(app);
  if (!store) {
    store = new HttpExtend();
    stores.set(app, store);
  }
  return store;
}

/** HTTP method names sent in 'http.request' (the host answers `method` as Apps-Engine's lowercase RequestMethod). */
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export function createHttp(request: RequestFn, extend: IHttpExtend, read: IRead, persistence: IPersistence): IHttp {
  async function call(method: Method, url: string, options?: IHttpRequest): Promise<IHttpResponse> {
    // Like the real accessor, the app's options object itself is completed and passed on.
    let req: IHttpRequest = options ?? {};
    const headers = (req.headers ??= {});
    extend.getDefaultHeaders().forEach((value, key) => {
      if (typeof headers[key] !== 'string') headers[key] = value;
    });
    const params = (req.params ??= {});
    extend.getDefaultParams().forEach((value, key) => {
      if (typeof params[key] !== 'string') params[key] = value;
    });
    for (const handler of extend.getPreRequestHandlers()) {
      req = await handler.executePreHttpRequest(url, req, read, persistence);
    }
    let response = (await request('http.request', [method, url, req])) as IHttpResponse;
    for (const handler of extend.getPreResponseHandlers()) {
      response = await handler.executePreHttpResponse(response, read, persistence);
    }
    return response;
  }
  return {
    get: (url, options) => call('GET', url, options),
    post: (url, options) => call('POST', url, options),
    put: (url, options) => call('PUT', url, options),
    del: (url, options) => call('DELETE', url, options),
    patch: (url, options) => call('PATCH', url, options),
  };
}
