#!/usr/bin/env node
// Dead exports (issue 16): runs knip (knip.json) and fails on an unused export, exported type or
// duplicate export that is not in lint/dead-exports-baseline.json. The baseline lists the ones
// that were there when the check came in (removing them all at once would touch files other
// work is changing); it only shrinks: delete an entry when you remove the export, and
// `node scripts/dead-exports.mjs --update` rewrites it from what knip finds now (review the diff:
// an entry added there is dead code added).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselinePath = join(root, 'lint', 'dead-exports-baseline.json');
const knip = join(root, 'node_modules', '.bin', 'knip');

const run = spawnSync(knip, ['--no-progress', '--no-config-hints', '--reporter', 'json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error) {
  process.stderr.write(`could not start knip: ${run.error.message}\n`);
  process.exit(127);
}
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stderr.write(`knip did not print a JSON report (exit ${run.status}):\n${run.stdout}${run.stderr}\n`);
  process.exit(run.status || 1);
}

/** One line per finding: `file: kind name`. */
const found = [];
for (const issue of report.issues ?? []) {
  for (const kind of ['exports', 'types', 'nsExports', 'nsTypes']) {
    for (const item of issue[kind] ?? []) found.push(`${issue.file}: ${kind} ${item.name}`);
  }
  for (const group of issue.duplicates ?? []) {
    found.push(`${issue.file}: duplicates ${group.map((d) => d.name).join(' = ')}`);
  }
}
found.sort();

if (process.argv.includes('--update')) {
  writeFileSync(baselinePath, `${JSON.stringify(found, null, 2)}\n`);
  process.stdout.write(`dead exports: baseline rewritten with ${found.length} entries (${baselinePath})\n`);
  process.exit(0);
}

const baseline = new Set(JSON.parse(readFileSync(baselinePath, 'utf8')));
const added = found.filter((f) => !baseline.has(f));
const gone = [...baseline].filter((b) => !found.includes(b));
if (gone.length > 0) {
  process.stdout.write(`dead exports: ${gone.length} baseline entries are gone (remove them from lint/dead-exports-baseline.json):\n`);
  for (const g of gone) process.stdout.write(`  ${g}\n`);
}
if (added.length > 0) {
  process.stderr.write(`dead exports: ${added.length} unused export(s) not in the baseline: remove the export, or use it:\n`);
  for (const a of added) process.stderr.write(`  ${a}\n`);
  process.exit(1);
}
process.stdout.write(`dead exports: none new (${found.length} in the baseline)\n`);
