/** `hookscope dev [dir]`: the workbench on an app folder; see DEV_USAGE. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAppFolder } from '../lib/read-app-folder.ts';
import { startDevServer } from '../dev-server/server.ts';
import { intOption, parse, UsageError } from './args.ts';
import type { CliIO } from './io.ts';
import { DEV_USAGE } from './usage.ts';

/**
 * The prebuilt workbench: `web/` next to the bundled CLI in the package; in a hookscope checkout
 * (running src/ through tsx) the package build's `dist/web/` or the app build's `dist/`.
 */
export function webRoot(): string | null {
  const fromSource = import.meta.url.endsWith('.ts');
  const candidates = fromSource ? [new URL('../../dist/web/', import.meta.url), new URL('../../dist/', import.meta.url)] : [new URL('./web/', import.meta.url)];
  for (const c of candidates) {
    const dir = fileURLToPath(c);
    if (existsSync(resolve(dir, 'index.html'))) return dir;
  }
  return null;
}

export async function devCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string' }, open: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(DEV_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`dev takes one folder; got ${positionals.length}`);
  const port = intOption('port', values.port, 0, 4173);
  if (port > 65535) throw new UsageError(`--port must be at most 65535; got ${port}`);
  const dir = resolve(io.cwd ?? process.cwd(), positionals[0] ?? '.');
  try {
    const app = await readAppFolder(dir);
    io.err(`hookscope dev: ${app.name} (${app.id}) from ${dir}`);
  } catch (err) {
    io.err(`hookscope dev: ${(err as Error).message}`);
    return 1;
  }
  const root = webRoot();
  if (!root) {
    io.err('hookscope dev: the built workbench is missing (web/index.html); in a hookscope checkout run `npm run build:package` first');
    return 1;
  }
  let server;
  try {
    server = await startDevServer({
      dir,
      webRoot: root,
      port,
      onChange: (c) => io.err(`hookscope dev: changed ${c.paths.join(', ') || '(folder)'}: reloading the app in the page`),
      // What `hookscope run` would say about the folder, where the user looks: the terminal.
      onBundle: (b) => {
        if (!b.ok) io.err(`hookscope dev: ${b.error}`);
        else for (const w of b.warnings) io.err(`hookscope dev: warning: ${w}`);
      },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`hookscope dev: cannot listen on 127.0.0.1:${port}${code === 'EADDRINUSE' ? ' (in use: pick another with --port)' : `: ${(err as Error).message}`}`);
    return 1;
  }
  io.out(`hookscope dev: ${server.url}`);
  if (values.open) await openBrowser(server.url);
  await (io.stopSignal ?? new Promise<void>(() => undefined));
  await server.close();
  return 0;
}

async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(cmd, [url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}
