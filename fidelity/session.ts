/** One real engine for the whole run, its host, and the batch runner; engine output goes to a log. */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { cacheDir } from './deno/setup.mjs';
import { RealEngine } from './real/engine.ts';
import { RealHost } from './real/host.ts';
import { BatchRunner } from './run-batch.ts';
import { TIMEOUT_MS } from './model.ts';

export const engineLog = join(cacheDir, 'engine.log');

export interface Session {
  engine: RealEngine;
  host: RealHost;
  runner: BatchRunner;
  stop(): Promise<void>;
}

/**
 * The engine prints to the console (ProxiedApp's "JSON-RPC error received", the Deno processes'
 * stderr): that goes to `fidelity/.cache/engine.log`; `out` is the harness's own output.
 */
export async function startSession(out: (s: string) => void): Promise<Session> {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(engineLog, '');
  const toLog = (...args: unknown[]) => appendFileSync(engineLog, format(...args) + '\n');
  console.log = console.info = console.warn = console.error = console.debug = toLog;
  process.on('unhandledRejection', (reason) => toLog('unhandled rejection:', reason));
  process.on('exit', (code) => toLog(`fidelity harness exiting with code ${code}`));
  let host: RealHost | null = null;
  const engine = await RealEngine.start({ timeoutMs: TIMEOUT_MS, startTimeoutMs: 30_000, host: { usernamesOfRoom: (id) => host?.usernamesOfRoom(id) ?? [] } });
  host = new RealHost(engine, () => new Date(Date.UTC(2026, 0, 1)));
  out(`real Apps-Engine ${engine.version} started (AppManager in Node, one Deno process per app; engine output in ${engineLog})\n`);
  return {
    engine,
    host,
    runner: new BatchRunner(engine, host, out),
    stop: () => engine.stop(),
  };
}
