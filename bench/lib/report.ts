/**
 * Result files: every benchmark writes `bench/results/<suite>.json` with the machine it ran on
 * and its metrics, and prints a short table. Other runners (browser benchmarks) write the same
 * shape into the same folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric } from './stats.ts';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = process.env['BENCH_RESULTS_DIR'] ?? join(BENCH_DIR, 'results');

export interface MachineInfo {
  cpu: string;
  cores: number;
  totalMemoryMb: number;
  platform: string;
  node: string;
  date: string;
  commit: string | null;
  /** Load average when the suite started: the machine is shared, so busy neighbours show here. */
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    commit = null;
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    commit,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export interface ResultFile {
  suite: string;
  machine: MachineInfo;
  durationSeconds: number;
  metrics: Metric[];
  /** Free-form facts worth keeping next to the numbers (counts, configuration). */
  extra: Record<string, unknown>;
}

export function writeResults(result: ResultFile): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.suite}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

export function printSummary(result: ResultFile): void {
  const m = result.machine;
  console.log(`\n${result.suite}: ${m.cpu}, ${m.cores} cores, Node ${m.node}, commit ${m.commit ?? '?'}, ${result.durationSeconds.toFixed(1)} s`);
  const rows = result.metrics.map((x) => [
    x.name,
    fmt(x.median),
    fmt(x.p95),
    fmt(x.min),
    x.unit,
    String(x.samples),
    (x.loadAverage ?? [])
      .slice(0, 1)
      .map((l) => l.toFixed(1))
      .join(''),
    x.floor ? `${fmt(x.floor.median)} (${x.floor.metric})` : '-',
  ]);
  const head = ['metric', 'median', 'p95', 'min', 'unit', 'n', 'load1', 'floor'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/**
 * A benchmark that could not measure a metric fails, naming it (a skipped metric must never read
 * as a pass). Throws when any of `expected` is missing from `metrics` or any `skipped` is listed.
 */
export function assertMeasured(metrics: readonly Metric[], expected: readonly string[], skipped: readonly string[] = []): void {
  const have = new Set(metrics.map((m) => m.name));
  const missing = expected.filter((name) => !have.has(name));
  const bad = metrics.filter((m) => !Number.isFinite(m.median)).map((m) => m.name);
  const problems = [...skipped.map((s) => `skipped: ${s}`), ...missing.map((n) => `not measured: ${n}`), ...bad.map((n) => `no finite value: ${n}`)];
  if (problems.length > 0) throw new Error(`benchmark incomplete (${problems.length}):\n  ${problems.join('\n  ')}`);
}
