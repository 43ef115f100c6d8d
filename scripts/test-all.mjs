#!/usr/bin/env node
// `npm test`: typecheck (one project per layer, then fidelity/), lint, format, dead exports, unit tests,
// fidelity (hookscope against the real Apps-Engine 1.62.0), end-to-end tests, in that order.
// Stops at the first failing stage; prints a summary with each stage's status and duration.
// Exit code: 0 if every stage passed, else the failing stage's exit code (at least 1).

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDeps();
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** @type {{ name: string, label: string, cmd: string, args: string[] }[]} */
const stages = [
  {
    name: 'typecheck',
    label: 'tsc -b tsconfig.json (one project per layer; TypeScript 7)',
    // TypeScript 7's own binary: node_modules/.bin/tsc is the fidelity harness's `typescript-5` alias.
    cmd: process.execPath,
    args: [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.json'],
  },
  {
    name: 'fidelity-typecheck',
    label: 'tsc -p fidelity/tsconfig.json --noEmit (TypeScript 7)',
    cmd: process.execPath,
    args: [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join('fidelity', 'tsconfig.json'), '--noEmit'],
  },
  // lint (issue 16): layer boundaries, no ambient time in the engine, React hook rules, zero warnings.
  {
    name: 'lint',
    label: 'oxlint --deny-warnings (.oxlintrc.json)',
    cmd: bin('oxlint'),
    args: ['--deny-warnings', '--report-unused-disable-directives', 'src', 'e2e', 'bench', 'scripts', 'lint', 'fidelity'],
  },
  // The formatter (issue 16): the tree is prettier-formatted; `npm run format` fixes it.
  {
    name: 'format',
    label: 'prettier --check (npm run format:check; fix with npm run format)',
    cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['run', '-s', 'format:check'],
  },
  {
    name: 'dead-exports',
    label: 'node scripts/dead-exports.mjs (knip, against lint/dead-exports-baseline.json)',
    cmd: process.execPath,
    args: [join(root, 'scripts', 'dead-exports.mjs')],
  },
  { name: 'unit', label: 'vitest run', cmd: bin('vitest'), args: ['run'] },
  {
    name: 'fidelity',
    // The implements corpus, the hand-written cases and 200 generated pipelines (seed 20260101, two
    // batches of 100), all of which agree (fidelity/FINDINGS.md). No shrinking here (it can take 5
    // minutes): a new difference is reported with its scenario; `npm run fidelity` shrinks it.
    label: 'tsx fidelity/main.ts --runs 200 --no-shrink (implements corpus + hand-written cases + 200 generated pipelines)',
    cmd: bin('tsx'),
    args: [join(root, 'fidelity', 'main.ts'), '--runs', '200', '--no-shrink'],
  },
  {
    name: 'e2e',
    label: 'node scripts/e2e.mjs',
    cmd: process.execPath,
    args: [join(root, 'scripts', 'e2e.mjs')],
  },
];

const rule = '='.repeat(72);

/** @param {{ cmd: string, args: string[] }} stage */
function runStage(stage) {
  return new Promise((resolvePromise) => {
    const child = spawn(stage.cmd, stage.args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      process.stderr.write(`could not start ${stage.cmd}: ${err.message}\n`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

/** @param {number} ms */
const fmt = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** @type {{ name: string, status: 'passed' | 'FAILED' | 'skipped', ms: number, code: number }[]} */
const results = [];
let failedCode = 0;
const t0 = performance.now();

for (const [i, stage] of stages.entries()) {
  if (failedCode !== 0) {
    results.push({ name: stage.name, status: 'skipped', ms: 0, code: 0 });
    continue;
  }
  process.stdout.write(`\n${rule}\n[${i + 1}/${stages.length}] ${stage.name}: ${stage.label}\n${rule}\n`);
  const start = performance.now();
  const code = await runStage(stage);
  const ms = performance.now() - start;
  const status = code === 0 ? 'passed' : 'FAILED';
  results.push({ name: stage.name, status, ms, code });
  process.stdout.write(`--> ${stage.name} ${status}${code ? ` (exit ${code})` : ''} in ${fmt(ms)}\n`);
  if (code !== 0) failedCode = code;
}

const total = performance.now() - t0;
const summary = results.map((r) => `${r.name} ${r.status}${r.status === 'skipped' ? '' : ` (${fmt(r.ms)})`}`).join(', ');
process.stdout.write(`\n${rule}\n`);
process.stdout.write(`SUMMARY: ${failedCode === 0 ? 'ALL PASSED' : 'FAILED'}: ${summary}; total ${fmt(total)}\n`);
process.stdout.write(`${rule}\n`);
process.exitCode = failedCode === 0 ? 0 : Math.max(1, failedCode);
