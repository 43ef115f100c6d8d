/** Starts `hookscope dev` on a folder for an e2e spec, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Spawns `hookscope dev <dir> --port <port>` and resolves with the process and the URL it prints. */
export async function startDevServer(repo: string, dir: string, port: number): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [join(repo, 'bin/hookscope.mjs'), 'dev', dir, '--port', String(port)], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /hookscope dev: (http:\S+)/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    server.on('exit', (code) => reject(new Error(`hookscope dev exited (${code}): ${err}`)));
  });
  return { server, url };
}

/** Stops a server startDevServer started (if it still runs) and waits until it exited. */
export async function stopDevServer(server: ChildProcess | null | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}
