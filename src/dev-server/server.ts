/**
 * The `hookscope dev` server: the prebuilt workbench from the installed package, plus the app
 * folder as a project the page opens (its sources for the editor and the folder bundled as
 * `hookscope run` bundles it, which is what the page runs), change events when files are saved on
 * disk (the folder is bundled again), bundles of the page's edited sources against the folder's
 * node_modules, and write-back of the page's edits when the user asks. Binds 127.0.0.1 only;
 * refuses other Host headers (DNS rebinding), and writes and bundles without the dev header
 * (cross-site requests).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { ignoredIn, readProjectFiles } from '../lib/read-app-folder.ts';
import { bundleEdits, bundleFolder, refuseBundleRequest } from './bundle.ts';
import {
  DEV_BASE,
  DEV_BUNDLE_LIMITS,
  DEV_META,
  DEV_WRITE_HEADER,
  type DevBundle,
  type DevBundleRequest,
  type DevChange,
  type DevProject,
  type DevSaveRequest,
} from './protocol.ts';
import { saveFiles } from './save.ts';
import { watchFolder } from './watch.ts';

export interface DevServerOptions {
  /** The app project folder. */
  dir: string;
  /** The built workbench (index.html and assets). */
  webRoot: string;
  port: number;
  /** Told when a change on disk was sent to the page. */
  onChange?: (change: DevChange) => void;
  /** Told each time the folder was bundled (at start and after every change on disk). */
  onBundle?: (bundle: DevBundle) => void;
}

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

const MAX_BODY = 20_000_000;

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    if (Number(req.headers['content-length'] ?? 0) > max) {
      reject(new TooLarge(`request larger than ${max} bytes`));
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new TooLarge(`request larger than ${max} bytes`));
        req.pause();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const dir = resolve(options.dir);
  const webRoot = resolve(options.webRoot);
  const indexHtml = (await readFile(join(webRoot, 'index.html'), 'utf8')).replace('<head>', `<head>\n    <meta name="${DEV_META}" content="${DEV_BASE}" />`);
  let version = 0;
  const clients = new Set<ServerResponse>();
  let port = options.port;

  // The folder's bundle, made again after every change on disk (and at most once per change).
  let bundled: { version: number; bundle: Promise<DevBundle> } | null = null;
  const folderBundle = (): Promise<DevBundle> => {
    if (bundled?.version !== version) {
      const bundle = bundleFolder(dir);
      bundled = { version, bundle };
      void bundle.then(
        (b) => options.onBundle?.(b),
        () => undefined,
      );
    }
    return bundled.bundle;
  };
  const project = async (): Promise<DevProject> => {
    const [files, bundle] = await Promise.all([readProjectFiles(dir), folderBundle()]);
    return { root: basename(dir), version, files, bundle };
  };

  void folderBundle();
  const stopWatching = watchFolder(dir, (paths) => {
    version++;
    void folderBundle();
    const change: DevChange = { version, paths };
    for (const c of clients) c.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    options.onChange?.(change);
  });

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHost(req.headers.host)) return send(res, 403, 'hookscope dev answers only http://127.0.0.1 and http://localhost');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === `${DEV_BASE}/project` && req.method === 'GET') {
        try {
          return send(res, 200, JSON.stringify(await project()), TYPES['.json']);
        } catch (err) {
          return send(res, 500, JSON.stringify({ error: (err as Error).message }), TYPES['.json']);
        }
      }
      if (url.pathname === `${DEV_BASE}/events` && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(`event: hello\ndata: ${JSON.stringify({ version })}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname === `${DEV_BASE}/save` && req.method === 'POST') {
        if (req.headers[DEV_WRITE_HEADER] !== '1') return send(res, 403, `writes need the ${DEV_WRITE_HEADER} header`);
        let body: DevSaveRequest;
        try {
          body = JSON.parse(await readBody(req)) as DevSaveRequest;
        } catch (err) {
          return send(res, 400, `not a save request: ${(err as Error).message}`);
        }
        if (!body || typeof body.files !== 'object' || body.files === null) return send(res, 400, 'not a save request: needs "files"');
        return send(res, 200, JSON.stringify(await saveFiles(dir, body.files, await ignoredIn(dir))), TYPES['.json']);
      }
      if (url.pathname === `${DEV_BASE}/bundle` && req.method === 'POST') {
        if (req.headers[DEV_WRITE_HEADER] !== '1') return send(res, 403, `bundling needs the ${DEV_WRITE_HEADER} header`);
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req, DEV_BUNDLE_LIMITS.bytes));
        } catch (err) {
          if (err instanceof TooLarge) {
            res.setHeader('connection', 'close');
            return send(res, 413, `not bundled: the sources are larger than ${DEV_BUNDLE_LIMITS.bytes / 1024 / 1024} MB`);
          }
          return send(res, 400, `not a bundle request: ${(err as Error).message}`);
        }
        const refused = refuseBundleRequest(body);
        if (refused) return send(res, 400, `not a bundle request: ${refused}`);
        return send(res, 200, JSON.stringify(await bundleEdits(dir, body as DevBundleRequest)), TYPES['.json']);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, indexHtml, TYPES['.html']);
      const file = normalize(join(webRoot, decodeURIComponent(url.pathname)));
      if (!file.startsWith(webRoot + sep)) return send(res, 404, 'not found');
      try {
        const info = await stat(file);
        if (!info.isFile()) return send(res, 404, 'not found');
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : await readFile(file));
      } catch {
        send(res, 404, 'not found');
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, (err as Error).message);
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        stopWatching();
        for (const c of clients) c.end();
        clients.clear();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
