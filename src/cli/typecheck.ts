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
  /** Options hookscope had to change to run this tsc on the project, in words. */
  notes: string[];
}

/** `moduleResolution: node` (what rc-apps create writes) is gone in TypeScript 7. */
const REMOVED_NODE10 = /error TS5108: Option 'moduleResolution=node10?' has been removed/;

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

function runTsc(tsc: string, appDir: string, extra: string[]): Promise<{ code: number | null; output: string }> {
  // Errors inside node_modules' declaration files are not the app's (the apps compiler skips them too).
  const args = [tsc, '--noEmit', '--pretty', 'false', '--skipLibCheck', ...extra];
  if (existsSync(join(appDir, 'tsconfig.json'))) args.push('-p', appDir);
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolvePromise({ code: 1, output: `could not start ${tsc}: ${err.message}` }));
    child.on('close', (code) => resolvePromise({ code, output: output.trim() }));
  });
}

export async function typecheckApp(appDir: string): Promise<TypecheckResult> {
  const tsc = findTsc(appDir);
  if (!tsc) return { ok: false, tsc: null, notes: [], output: `no TypeScript found for ${appDir}: install it in the app project (npm i -D typescript)` };
  let run = await runTsc(tsc, appDir, []);
  const notes: string[] = [];
  if (run.code !== 0 && REMOVED_NODE10.test(run.output)) {
    notes.push(`tsconfig.json's "moduleResolution": "node" is removed in this TypeScript; checked with --module preserve --moduleResolution bundler instead`);
    run = await runTsc(tsc, appDir, ['--module', 'preserve', '--moduleResolution', 'bundler']);
  }
  return { ok: run.code === 0, tsc, notes, output: run.output };
}
