/**
 * Headless at scale (issue 17): 100 scenario files in one `hookscope run` of the prebuilt CLI
 * (built first with `scripts/build-package.mjs --cli-only`, so no tsx and no esbuild of the
 * runtime at start), against its floors measured in the same run: a bare `node` start, the same
 * CLI on one file, and the pipeline alone (the same scenario through `runScenario` in this process
 * with runtimes already started). Wall and CPU time (all threads) per process; CPU time stays
 * comparable when the shared machine is busy. Also the library as a test file uses it: 20
 * `runScenario` calls in a row, warm pool vs `{ warm: false }`. Writes bench/results/cli.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { warmRuntimes } from '../src/lib/warm-runtimes.ts';
import { nodeTransports } from '../src/node/node-transport.ts';
import { runScenario } from '../src/scenario/run-scenario.ts';
import { parseScenarioText } from '../src/scenario/schema.ts';
import { libSequential } from './lib/lib-sequential.ts';
import { BENCH_DIR, machineInfo, printSummary, writeResults } from './lib/report.ts';
import { derived, summarize, type Metric } from './lib/stats.ts';

const SUITE = 'cli';
const FILES = 100;
const TARGET_MS = 15_000;
const LIB_CALLS = 20;
const root = join(BENCH_DIR, '..');
const cliDir = join(root, '.cache', 'bench-cli');
const scenarioSource = join(root, 'examples', 'banned-words.json');
const cpuAtExit = join(BENCH_DIR, 'lib', 'cpu-at-exit.mjs');
const metrics: Metric[] = [];
const extra: Record<string, unknown> = {};
const log = (msg: string) => console.log(`[${SUITE}] ${msg}`);
const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

interface Timed {
  wallMs: number;
  cpuMs: number;
  stdout: string;
}

/** Runs `node <args>` with the CPU-at-exit preload; fails loudly when the process fails. */
async function timedNode(args: string[], cwd: string, what: string): Promise<Timed> {
  const cpuFile = join(os.tmpdir(), `hookscope-bench-cpu-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', cpuAtExit, ...args], {
    cwd,
    env: { ...process.env, HOOKSCOPE_BENCH_CPU_OUT: cpuFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`${what}: exit ${code}\n${stderr.slice(-2000)}`);
  const { cpuMs } = JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number };
  rmSync(cpuFile, { force: true });
  return { wallMs, cpuMs, stdout };
}

function buildCli(): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-package.mjs'), '--cli-only', '--out', cliDir], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`building the CLI failed (exit ${r.status})`);
}

/** The pipeline alone: the same scenario run in this process on runtimes started ahead. */
async function pipelineFloor(): Promise<number[]> {
  const parsed = parseScenarioText(readFileSync(scenarioSource, 'utf8'));
  if (!parsed.ok) throw new Error('examples/banned-words.json does not parse');
  const warm = warmRuntimes(await nodeTransports(), { size: 2 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < 14; i++) {
      // Let the pool refill between files, as it does while the CLI reports the previous file.
      await new Promise((r) => setTimeout(r, 150));
      const t0 = performance.now();
      const report = await runScenario(parsed.scenario, { transports: warm.factory, keepSpare: false });
      const ms = performance.now() - t0;
      if (!report.passed) throw new Error(`pipeline floor: the scenario failed: ${report.failures.join('; ')}`);
      if (i >= 4) samples.push(ms);
    }
  } finally {
    warm.dispose();
  }
  return samples;
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = machineInfo();
  log('building the prebuilt CLI (.cache/bench-cli)');
  buildCli();
  const bin = join(cliDir, 'bin', 'hookscope.mjs');
  const work = mkdtempSync(join(os.tmpdir(), 'hookscope-bench-cli-'));
  try {
    mkdirSync(join(work, 'many'));
    for (let i = 0; i < FILES; i++) copyFileSync(scenarioSource, join(work, 'many', `s${String(i).padStart(3, '0')}.json`));
    copyFileSync(scenarioSource, join(work, 'one.json'));

    log('floor: a bare node start');
    const bare: Timed[] = [];
    for (let i = 0; i < 3; i++) bare.push(await timedNode(['-e', '0'], work, 'node -e 0'));
    log('the CLI on one file');
    const one: Timed[] = [];
    for (let i = 0; i < 3; i++) one.push(await timedNode([bin, 'run', 'one.json', '--reporter', 'tap'], work, 'hookscope run one.json'));
    log(`the CLI on ${FILES} files (load ${load().join(' ')})`);
    const loadBefore = load();
    const many = await timedNode([bin, 'run', 'many/*.json', '--reporter', 'tap'], work, `hookscope run many/*.json`);
    const loadAfter = load();
    const okLines = many.stdout.split('\n').filter((l) => l.startsWith('ok ')).length;
    const plan = /^1\.\.(\d+)$/m.exec(many.stdout)?.[1];
    if (plan !== String(FILES * 3) || okLines !== FILES * 3)
      throw new Error(`hookscope run many/*.json: expected ${FILES * 3} passing steps, got ${okLines} of ${plan ?? '?'}`);
    log('floor: the pipeline alone, in process');
    const pipeline = await pipelineFloor();

    const oneWall = summarize(
      'cli.run1.wall',
      'ms',
      one.map((t) => t.wallMs),
      'one `hookscope run` of the prebuilt CLI on one scenario file (2 apps, 3 steps), process start to exit',
    );
    const manyWall = summarize(
      `cli.run${FILES}.wall`,
      'ms',
      [many.wallMs],
      `one \`hookscope run\` on ${FILES} copies of that file (a glob), process start to exit; target under ${TARGET_MS} ms`,
    );
    const bareWall = summarize(
      'cli.floor.nodeStart',
      'ms',
      bare.map((t) => t.wallMs),
      'floor: `node -e 0`, process start to exit',
    );
    const pipe = summarize(
      'cli.floor.pipelinePerFile',
      'ms',
      pipeline,
      'floor: the same scenario through runScenario in this process, runtimes started ahead (the pipeline itself)',
    );
    metrics.push(
      bareWall,
      oneWall,
      manyWall,
      summarize(
        'cli.run1.cpu',
        'ms',
        one.map((t) => t.cpuMs),
        'CPU time (user+system, all threads) of the one-file run',
      ),
      summarize(`cli.run${FILES}.cpu`, 'ms', [many.cpuMs], `CPU time (user+system, all threads) of the ${FILES}-file run`),
      summarize(
        'cli.floor.nodeStart.cpu',
        'ms',
        bare.map((t) => t.cpuMs),
        'CPU time of `node -e 0`',
      ),
      pipe,
    );
    const marginal = (many.wallMs - oneWall.median) / (FILES - 1);
    metrics.push(summarize('cli.perFile.marginal', 'ms', [marginal], `(run${FILES} - run1 median) / ${FILES - 1}: what each file after the first costs`));
    metrics.push(
      summarize(
        'cli.perFile.marginal.cpu',
        'ms',
        [(many.cpuMs - metrics.find((m) => m.name === 'cli.run1.cpu')!.median) / (FILES - 1)],
        'the same in CPU time',
      ),
    );
    const ratio = marginal / pipe.median;
    metrics.push(
      derived(
        'cli.perFile.marginal.ratio',
        'x',
        { median: ratio, p95: ratio, min: ratio, samples: 1 },
        'marginal cost per file / the pipeline floor per file (1 = the second file onward pays no fixed cost)',
      ),
    );
    metrics.push(
      summarize(
        'cli.fixedCost',
        'ms',
        [oneWall.median - bareWall.median - pipe.median],
        "run1 - node start - one pipeline: the CLI's fixed cost (loading, runtime bundle, first runtimes)",
      ),
    );
    log(`the library: ${LIB_CALLS} runScenario calls in a row, warm pool vs own workers`);
    const lib = await libSequential(scenarioSource, LIB_CALLS);
    const of = (warm: boolean, key: 'wallMs' | 'cpuMs') => lib.filter((r) => r.warm === warm).map((r) => r[key]);
    metrics.push(
      summarize(
        `lib.runScenario${LIB_CALLS}.warm`,
        'ms',
        of(true, 'wallMs'),
        `${LIB_CALLS} sequential runScenario calls of the library in one process, runtimes from the shared warm pool (the default)`,
      ),
      summarize(
        `lib.runScenario${LIB_CALLS}.cold`,
        'ms',
        of(false, 'wallMs'),
        `the same with { warm: false }: each call starts its own workers and a spare per app (the library before the pool)`,
      ),
      summarize(`lib.runScenario${LIB_CALLS}.warm.cpu`, 'ms', of(true, 'cpuMs'), 'CPU time (all threads) of the warm rounds'),
      summarize(`lib.runScenario${LIB_CALLS}.cold.cpu`, 'ms', of(false, 'cpuMs'), 'CPU time (all threads) of the { warm: false } rounds'),
    );
    extra['files'] = FILES;
    extra['scenario'] = 'examples/banned-words.json (2 apps, 3 steps)';
    extra['targetMs'] = TARGET_MS;
    extra['targetMet'] = many.wallMs < TARGET_MS;
    extra['loadAverageAround100'] = { before: loadBefore, after: loadAfter };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const result = { suite: SUITE, machine, durationSeconds: Math.round((performance.now() - started) / 100) / 10, metrics, extra };
  const file = writeResults(result);
  printSummary(result);
  log(
    `${FILES} files: ${Math.round(metrics.find((m) => m.name === `cli.run${FILES}.wall`)!.median)} ms (target ${TARGET_MS} ms: ${extra['targetMet'] ? 'met' : 'NOT met'}), load ${machineInfo().loadAverage.join(' ')}`,
  );
  log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
