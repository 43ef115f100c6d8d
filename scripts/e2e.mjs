#!/usr/bin/env node
// End-to-end tests: find (or apt-install) Chromium, build the app, run Playwright.
//
//   node scripts/e2e.mjs [playwright test args...]     e.g. --grep smoke, e2e/smoke.spec.ts
//
// Sets CHROMIUM_PATH (and HOOKSCOPE_E2E_PORT: 4317, or a free port if 4317 is taken)
// for playwright.config.ts. The exit code is Playwright's (or the
// failing step's).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/**
 * Runs a command with inherited stdio; resolves to its exit code (signals map to 128+n).
 * Ctrl-C / SIGTERM sent to us are forwarded to the child.
 * @param {string} cmd
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function run(cmd, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      process.stderr.write(`[e2e] could not start ${cmd}: ${err.message}\n`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const signals = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 };
      resolvePromise(code ?? 128 + (signal ? (signals[signal] ?? 1) : 1));
    });
  });
}

const DEFAULT_PORT = 4317;

/**
 * Resolves to `port` if 127.0.0.1:port can be bound right now, else to a free ephemeral port
 * (port 0 asks the OS for one).
 * @param {number} port
 * @returns {Promise<number>}
 */
function freePort(port) {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', (err) => {
      if (port !== 0 && /** @type {NodeJS.ErrnoException} */ (err).code === 'EADDRINUSE') {
        resolvePromise(freePort(0));
      } else reject(err);
    });
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      const got = typeof addr === 'object' && addr ? addr.port : port;
      srv.close(() => resolvePromise(got));
    });
  });
}

async function main() {
  let chromium;
  try {
    chromium = ensureChromium();
  } catch (e) {
    process.stderr.write(`[e2e] ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(`[e2e] Chromium: ${chromium.path} (${chromium.version})\n`);
  const env = { ...process.env, CHROMIUM_PATH: chromium.path };

  // Several checkouts may run e2e on one machine: never reuse (or collide with) another
  // checkout's preview server. HOOKSCOPE_E2E_PORT pins the port (read by playwright.config.ts).
  if (!env.HOOKSCOPE_E2E_PORT) {
    const port = await freePort(DEFAULT_PORT);
    if (port !== DEFAULT_PORT) {
      process.stdout.write(`[e2e] port ${DEFAULT_PORT} is busy; previewing on ${port} instead\n`);
    }
    env.HOOKSCOPE_E2E_PORT = String(port);
  }

  process.stdout.write('[e2e] vite build\n');
  const buildCode = await run(bin('vite'), ['build', '--logLevel', 'warn'], env);
  if (buildCode !== 0) {
    process.stderr.write(`[e2e] vite build failed (exit ${buildCode})\n`);
    return buildCode;
  }

  const extra = process.argv.slice(2);
  process.stdout.write(`[e2e] playwright test ${extra.join(' ')}\n`);
  return run(bin('playwright'), ['test', ...extra], env);
}

process.exitCode = await main();
