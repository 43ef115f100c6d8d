#!/usr/bin/env node
// Prepares the real Apps-Engine 1.62.0 Deno runtime for the fidelity harness (dev only):
//  1. writes a deno config beside the package's own (`deno-runtime/deno.jsonc`), with the three
//     `jsr:@std/*` specifiers (jsr is not reachable from CI) and the one missing `src/` import
//     mapped to the small local modules in `fidelity/deno/shims/`;
//  2. fills a DENO_DIR inside the project (`fidelity/.cache/deno-dir`) with the runtime's `npm:`
//     imports, from the npm registry (`deno install --entrypoint main.ts`, as the package's own
//     `scripts/deno-cache.js` does), so the controller's `deno run --cached-only` finds them.
// Idempotent: skips step 2 when the cache was filled for the same config. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const fidelityRoot = join(here, '..');
export const cacheDir = join(fidelityRoot, '.cache');
export const denoDir = join(cacheDir, 'deno-dir');
export const denoConfigPath = join(cacheDir, 'deno-runtime', 'deno.jsonc');

const require = createRequire(import.meta.url);
export const enginePackageDir = dirname(require.resolve('apps-engine-1-62/package.json'));

/** The directory holding the Deno binary of the `deno` npm package's platform package. */
export function denoBinDir() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  const candidates = [`@deno/${platform}-${process.arch}-glibc`, `@deno/${platform}-${process.arch}`];
  for (const name of candidates) {
    try {
      return dirname(require.resolve(`${name}/package.json`));
    } catch {
      /* next */
    }
  }
  throw new Error(`no Deno binary package for ${process.platform}-${process.arch} in node_modules (tried ${candidates.join(', ')}); run npm ci`);
}

function stripJsonc(text) {
  return text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? '');
}

export function writeDenoConfig() {
  const original = JSON.parse(stripJsonc(readFileSync(join(enginePackageDir, 'deno-runtime', 'deno.jsonc'), 'utf8')));
  const shim = (file) => pathToFileURL(join(here, 'shims', file)).href;
  const imports = {
    ...original.imports,
    // The runtime's `require` (lib/require.ts) turns `@rocket.chat/apps-engine/x` into a path
    // through this map and then drops "apps-engine/src/": point it at a folder named apps-engine.
    '@rocket.chat/apps-engine/': pathToFileURL(join(engineLink(), 'src')).href + '/',
    '@std/io': shim('std-io.ts'),
    '@std/streams': shim('std-streams.ts'),
    '@std/cli/parse-args': shim('std-cli-parse-args.ts'),
    '@std/cli': shim('std-cli-parse-args.ts'),
    '@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts': shim('apps-engine-exception.ts'),
  };
  const config = {
    imports,
    unstable: original.unstable ?? ['detect-cjs'],
    // npm: imports come from DENO_DIR, never from a node_modules folder near this file.
    nodeModulesDir: 'none',
    // The package's deno.lock pins jsr modules we replace; this config has no lockfile.
    lock: false,
  };
  mkdirSync(dirname(denoConfigPath), { recursive: true });
  const text = JSON.stringify(config, null, 2) + '\n';
  const changed = !existsSync(denoConfigPath) || readFileSync(denoConfigPath, 'utf8') !== text;
  if (changed) writeFileSync(denoConfigPath, text);
  return text;
}

/** `fidelity/.cache/apps-engine`: a link to the 1.62.0 package under the name the runtime expects. */
export function engineLink() {
  const link = join(cacheDir, 'apps-engine');
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(link)) symlinkSync(enginePackageDir, link, 'dir');
  return link;
}

/** A runtime folder outside node_modules (Deno 2 refuses to run main.ts inside node_modules). */
export function runtimeLink() {
  const link = join(cacheDir, 'deno-runtime', 'runtime');
  if (!existsSync(link)) symlinkSync(join(enginePackageDir, 'deno-runtime'), link, 'dir');
  return link;
}

export function denoEnv() {
  return {
    ...process.env,
    DENO_DIR: denoDir,
    // Deno's own certificate store does not hold this network's CA; the system's does.
    DENO_TLS_CA_STORE: 'system',
    DENO_NO_UPDATE_CHECK: '1',
    PATH: `${denoBinDir()}:${process.env.PATH ?? ''}`,
  };
}

export function setupDeno({ quiet = false } = {}) {
  const text = writeDenoConfig();
  const link = runtimeLink();
  const stamp = join(denoDir, '.hookscope-fidelity-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === text) return;
  mkdirSync(denoDir, { recursive: true });
  if (!quiet) process.stdout.write(`== fidelity: caching the Apps-Engine 1.62.0 Deno runtime's npm imports in ${denoDir}\n`);
  const r = spawnSync('deno', ['install', `--config=${denoConfigPath}`, '--entrypoint', join(link, 'main.ts')], {
    cwd: cacheDir,
    env: denoEnv(),
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (r.status !== 0) {
    throw new Error(`deno install failed (exit ${r.status ?? r.signal})${quiet ? `: ${r.stderr}` : ''}`);
  }
  writeFileSync(stamp, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setupDeno();
