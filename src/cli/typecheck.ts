/**
 * `--typecheck`: type-checks an app folder with its own tsconfig.json and the real
 * `@rocket.chat/apps-engine` definitions from its node_modules, as `rc-apps package` compiles it.
 * Uses the project's `typescript` (any version whose `tsc` runs; TypeScript 7 has no compiler
 * API, only the binary), else the one installed next to hookscope.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface TypecheckResult {
  ok: boolean;
  /** tsc's diagnostics, one per line, or why it could not run. */
  output: string;
  tsc: string | null;
}

function tscFrom(base: string): string | null {
  try {
    const req = createRequire(base);
    const pkgPath = req.resolve('typescript/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin?: Record<string, string> };
    const bin = pkg.bin?.['tsc'];
    return bin ? join(dirname(pkgPath), bin) : null;
  } catch {
    return null;
  }
}

export function findTsc(appDir: string): string | null {
  return tscFrom(join(appDir, 'package.json')) ?? tscFrom(import.meta.url);
}

export function typecheckApp(appDir: string): Promise<TypecheckResult> {
  const tsc = findTsc(appDir);
  if (!tsc) return Promise.resolve({ ok: false, tsc: null, output: `no TypeScript found for ${appDir}: install it in the app project (npm i -D typescript)` });
  const args = [tsc, '--noEmit', '--pretty', 'false'];
  if (existsSync(join(appDir, 'tsconfig.json'))) args.push('-p', appDir);
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolvePromise({ ok: false, tsc, output: `could not start ${tsc}: ${err.message}` }));
    child.on('close', (code) => resolvePromise({ ok: code === 0, tsc, output: output.trim() }));
  });
}
