/**
 * `fetch` of a Rocket.Chat app (spec 7.3: allowed on the server, RC runs Deno with `--allow-net`).
 * In hookscope every network call goes to the user's HTTP mocks: `fetch` sends the same
 * `http.request` the `http` accessor sends, through the same host bridge, so it shows in the trace
 * and the HTTP log like any other request. Headers and Response are ours in both runners (one
 * behaviour); a request no mock matches rejects with a TypeError carrying the host's message, as a
 * failed network call does.
 */

export type HttpRequestFn = (method: string, url: string, options: { headers: Record<string, string>; content?: string }) => Promise<unknown>;

type HeadersInit = HeadersImpl | Record<string, string> | [string, string][] | Iterable<[string, string]>;

export class HeadersImpl {
  readonly #map = new Map<string, string>();
  constructor(init?: HeadersInit) {
    if (init === undefined || init === null) return;
    if (init instanceof HeadersImpl) init.forEach((v, k) => this.append(k, v));
    else if (typeof (init as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of init as Iterable<[string, string]>) this.append(pair[0], pair[1]);
    } else for (const [k, v] of Object.entries(init)) this.append(k, v);
  }
  append(name: string, value: string): void {
    const key = String(name).toLowerCase();
    const prev = this.#map.get(key);
    this.#map.set(key, prev === undefined ? String(value) : `${prev}, ${String(value)}`);
  }
  set(name: string, value: string): void {
    this.#map.set(String(name).toLowerCase(), String(value));
  }
  get(name: string): string | null {
    return this.#map.get(String(name).toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#map.has(String(name).toLowerCase());
  }
  delete(name: string): void {
    this.#map.delete(String(name).toLowerCase());
  }
  forEach(fn: (value: string, key: string, self: HeadersImpl) => void): void {
    for (const [k, v] of [...this.#map].sort(([a], [b]) => (a < b ? -1 : 1))) fn(v, k, this);
  }
  *entries(): IterableIterator<[string, string]> {
    yield* [...this.#map].sort(([a], [b]) => (a < b ? -1 : 1));
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
  toObject(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class ResponseImpl {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeadersImpl;
  readonly url: string;
  readonly redirected = false;
  readonly type = 'basic';
  #body: string;
  #used = false;
  constructor(body: string | null = null, init: { status?: number; statusText?: string; headers?: HeadersInit; url?: string } = {}) {
    this.#body = body ?? '';
    this.status = init.status ?? 200;
    this.statusText = init.statusText ?? REASONS[this.status] ?? '';
    this.headers = new HeadersImpl(init.headers);
    this.url = init.url ?? '';
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get bodyUsed(): boolean {
    return this.#used;
  }
  #consume(): string {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#body;
  }
  async text(): Promise<string> {
    return this.#consume();
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.#consume()) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.#consume()).buffer as ArrayBuffer;
  }
  async bytes(): Promise<Uint8Array> {
    return new TextEncoder().encode(this.#consume());
  }
  clone(): ResponseImpl {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed');
    return new ResponseImpl(this.#body, { status: this.status, statusText: this.statusText, headers: this.headers, url: this.url });
  }
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  if (typeof (body as { toString?: unknown }).toString === 'function' && Object.prototype.toString.call(body) === '[object URLSearchParams]')
    return String(body);
  throw new TypeError('hookscope fetch: the body must be a string, URLSearchParams or bytes (it is sent to the HTTP mocks as text)');
}

export function createFetch(send: HttpRequestFn) {
  return async function fetch(input: unknown, init: { method?: string; headers?: HeadersInit; body?: unknown } = {}): Promise<ResponseImpl> {
    const req = typeof input === 'object' && input !== null && 'url' in input ? (input as { url: string; method?: string; headers?: HeadersInit }) : null;
    const url = req ? req.url : String(input);
    const method = String(init.method ?? req?.method ?? 'GET').toUpperCase();
    const headers = new HeadersImpl(init.headers ?? req?.headers);
    const content = bodyText(init.body);
    if (content !== undefined && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    const options: { headers: Record<string, string>; content?: string } = { headers: headers.toObject() };
    if (content !== undefined) options.content = content;
    let raw: unknown;
    try {
      raw = await send(method, url, options);
    } catch (e) {
      throw new TypeError(`fetch failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const r = (raw ?? {}) as { statusCode?: unknown; headers?: unknown; content?: unknown };
    const resHeaders = typeof r.headers === 'object' && r.headers !== null ? (r.headers as Record<string, string>) : {};
    return new ResponseImpl(typeof r.content === 'string' ? r.content : '', {
      status: typeof r.statusCode === 'number' ? r.statusCode : 200,
      headers: resHeaders,
      url,
    });
  };
}
