#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (Node benchmarks, TypeScript through tsx), one
// process each, one after the other. Each writes its own bench/results/<suite>.json and prints a
// summary. `npm run bench -- engine` runs only the files whose name contains "engine".
// Exit code: 0 if every benchmark passed, else 1. See bench/README.md.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const filters = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts file matches ${filters.join(', ') || '(any)'}`);
  process.exit(1);
}

/** @param {string} file */
function run(file) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, file)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    child.on('exit', (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)));
    child.on('error', (err) => {
      console.error(err);
      resolvePromise(1);
    });
  });
}

const outcomes = [];
for (const file of files) {
  const t0 = Date.now();
  console.log(`\n== ${file}`);
  const code = await run(file);
  outcomes.push({ file, code, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n== bench summary');
for (const o of outcomes) console.log(`${o.code === 0 ? 'ok  ' : 'FAIL'}  ${o.file}  ${o.seconds.toFixed(1)} s`);
console.log(`results: ${join('bench', 'results')}/`);
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1);
