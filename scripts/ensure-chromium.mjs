#!/usr/bin/env node
// Finds a Chromium for Playwright, installing Debian's `chromium` with apt-get if needed.
//
// Order: $CHROMIUM_PATH (if set, it must work: no silent fallback), then
// /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome. If none is there
// and we are root with apt-get, runs `apt-get update` and
// `apt-get install -y chromium` (output streamed), then looks again.
//
// It never downloads a browser any other way: `npx playwright install` and friends
// cannot reach their download hosts from this network.
//
// CLI:    node scripts/ensure-chromium.mjs [--no-install]
//         prints the path it uses on the last line of stdout; exit 1 if none.
// Module: import { findChromium, ensureChromium } from './ensure-chromium.mjs'

import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CANDIDATES = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);

export class ChromiumNotFoundError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

/** @param {string} path */
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} cmd */
function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    if (isExecutableFile(p)) return p;
  }
  return null;
}

/**
 * Looks for a Chromium without installing anything.
 * @returns {{ path: string | null, tried: string[], problems: string[] }}
 */
export function findChromium() {
  const tried = [];
  const problems = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    const p = resolve(fromEnv);
    tried.push(`CHROMIUM_PATH=${fromEnv}`);
    if (isExecutableFile(p)) return { path: p, tried, problems };
    problems.push(existsSync(p) ? `CHROMIUM_PATH=${fromEnv} exists but is not an executable file` : `CHROMIUM_PATH=${fromEnv} does not exist`);
    // An explicit CHROMIUM_PATH that is wrong is an error, not a hint.
    return { path: null, tried, problems };
  }
  for (const c of CANDIDATES) {
    tried.push(c);
    if (isExecutableFile(c)) return { path: c, tried, problems };
  }
  problems.push(`none of ${CANDIDATES.join(', ')} is an executable file`);
  return { path: null, tried, problems };
}

/**
 * Runs `<path> --version`; returns the version line, or null if it does not start.
 * @param {string} path
 */
export function chromiumVersion(path) {
  const r = spawnSync(path, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) return null;
  const line = r.stdout.split('\n').find((l) => /chrom/i.test(l));
  return (line ?? r.stdout).trim() || null;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {(msg: string) => void} log
 */
function run(cmd, args, log) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    // stdout of apt goes to our stderr, so that our stdout stays "just the path".
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) return `${cmd} could not start: ${r.error.message}`;
  if (r.signal) return `${cmd} ${args[0] ?? ''} was killed by ${r.signal}`;
  if (r.status !== 0) return `${cmd} ${args.join(' ')} exited with code ${r.status}`;
  return null;
}

/**
 * Finds Chromium, installing Debian's package with apt-get if allowed and needed.
 * Throws ChromiumNotFoundError with a message that says what was tried and what failed.
 * @param {{ install?: boolean, log?: (msg: string) => void }} [opts]
 * @returns {{ path: string, version: string | null, installed: boolean }}
 */
export function ensureChromium(opts = {}) {
  const install = opts.install ?? true;
  const log = opts.log ?? ((msg) => process.stderr.write(`[ensure-chromium] ${msg}\n`));

  let found = findChromium();
  let installed = false;
  const failures = [...found.problems];

  if (!found.path && !process.env.CHROMIUM_PATH) {
    const aptGet = which('apt-get');
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!install) {
      failures.push('installing was turned off (--no-install)');
    } else if (!aptGet) {
      failures.push('apt-get is not available, cannot install chromium');
    } else if (!isRoot) {
      failures.push('not root, cannot apt-get install chromium');
    } else {
      log(`no Chromium found (tried ${found.tried.join(', ')}); installing Debian's chromium`);
      // Wait for another apt/dpkg run holding the lock instead of failing at once.
      const lock = ['-o', 'DPkg::Lock::Timeout=600'];
      const err = run(aptGet, [...lock, 'update'], log) ?? run(aptGet, [...lock, 'install', '-y', 'chromium'], log);
      if (err) failures.push(err);
      installed = !err;
      found = findChromium();
      if (!found.path && !err) failures.push('apt-get succeeded but no Chromium binary appeared');
    }
  }

  if (!found.path) {
    throw new ChromiumNotFoundError(
      `No Chromium for Playwright. Tried: ${found.tried.join(', ')}. ` +
        `Failed: ${failures.join('; ')}. ` +
        `Install Debian's chromium (apt-get install chromium, as root) or set CHROMIUM_PATH ` +
        `to a Chromium binary. (Browser downloads such as 'npx playwright install' do not work here.)`,
    );
  }

  const version = chromiumVersion(found.path);
  if (!version) {
    throw new ChromiumNotFoundError(
      `Found ${found.path} but '${found.path} --version' failed: the browser does not start. ` +
        `Reinstall Debian's chromium or set CHROMIUM_PATH to a working Chromium binary.`,
    );
  }
  return { path: found.path, version, installed };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const noInstall = process.argv.includes('--no-install');
  try {
    const { path, version } = ensureChromium({ install: !noInstall });
    process.stderr.write(`[ensure-chromium] using ${path} (${version})\n`);
    process.stdout.write(`${path}\n`);
  } catch (e) {
    process.stderr.write(`[ensure-chromium] ERROR: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
