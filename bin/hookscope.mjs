#!/usr/bin/env node
// The hookscope command line. In the installed package it runs the prebuilt dist/cli.js; in a
// hookscope checkout (src/ present) it runs the TypeScript sources through tsx (a devDependency).
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli.js'));
}

let stop;
const stopSignal = new Promise((resolve) => (stop = resolve));
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => stop());

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
  stopSignal,
});
process.exitCode = code;
if (process.argv[2] === 'dev') process.exit(code);
