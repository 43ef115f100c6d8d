/** `hookscope run`: runs scenario files (paths and globs) and reports; see RUN_USAGE. */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { TransportFactory } from '../engine/apps/transport.ts';
import { isProfileId, PROFILES, type ProfileId } from '../engine/profiles.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import { AppFolderError, loadApp, resolveScenarioApps } from '../lib/load-app.ts';
import { warmRuntimes, type WarmRuntimes } from '../lib/warm-runtimes.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { effectiveTimeoutMs, runScenario } from '../scenario/run-scenario.ts';
import { isPathApp, parseScenarioText } from '../scenario/schema.ts';
import { intOption, parse, UsageError } from './args.ts';
import { paintFor } from './color.ts';
import { scenarioFiles } from './files.ts';
import { hintWarnings } from './hints.ts';
import type { CliIO } from './io.ts';
import { stderrProgress, type Progress } from './progress.ts';
import { jsonReporter } from './reporters/json.ts';
import { junitReporter } from './reporters/junit.ts';
import { prettyReporter } from './reporters/pretty.ts';
import { tapReporter } from './reporters/tap.ts';
import type { FileResult, RunSummary } from './reporters/types.ts';
import { typecheckApp } from './typecheck.ts';
import { RUN_USAGE } from './usage.ts';

const REPORTERS = ['pretty', 'json', 'junit', 'tap'] as const;
type ReporterName = (typeof REPORTERS)[number];

interface RunSettings {
  cwd: string;
  profile: ProfileId | undefined;
  appDir: string | undefined;
  typecheck: boolean;
  timings: boolean;
  transports: () => Promise<TransportFactory>;
  /** Reads an app folder once per run, however many files name it. */
  load: (dir: string) => Promise<AppDefinition>;
  warn: (s: string) => void;
  progress: Progress;
  /** Per file: the per-call timeout it runs with, for the progress line while it runs. */
  timeouts: Map<string, number>;
}

/** Exit code a file's failure stands for: 2 bad input, 1 it ran (or tried to load) and failed. */
type Outcome = { result: FileResult; code: 0 | 1 | 2 };

async function runFile(file: string, s: RunSettings, done: { typechecked: Set<string>; hinted: Set<string> }): Promise<Outcome> {
  const t0 = Date.now();
  const error = (code: 1 | 2, problems: string[]): Outcome => ({ result: { file, kind: 'error', problems, durationMs: Date.now() - t0 }, code });
  const path = resolve(s.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return error(2, [`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return error(2, [`${file} is not a valid scenario:`, ...parsed.problems.map((p) => `  ${p.path}: ${p.message}`)]);
  const scenario = parsed.scenario;
  const baseDir = dirname(path);
  const folders = scenario.apps.filter(isPathApp).map((a) => resolve(baseDir, a.path));
  if (s.appDir !== undefined) folders.push(resolve(s.cwd, s.appDir));
  let apps;
  try {
    apps = await resolveScenarioApps(scenario, { baseDir, load: s.load, ...(s.appDir !== undefined ? { appDir: resolve(s.cwd, s.appDir) } : {}) });
  } catch (err) {
    if (err instanceof AppFolderError) return error(1, [`${file}: ${err.message}`]);
    throw err;
  }
  if (s.typecheck) {
    for (const dir of new Set(folders)) {
      if (done.typechecked.has(dir)) continue;
      done.typechecked.add(dir);
      const checked = await typecheckApp(dir);
      for (const n of checked.notes) s.warn(`note: ${dir}: ${n}`);
      if (!checked.ok) return error(1, [`${file}: type errors in ${dir}:`, ...checked.output.split('\n').map((l) => `  ${l}`)]);
    }
  }
  for (const app of apps) {
    const key = `${app.id}\0${app.files[app.classFile] ?? ''}`;
    if (done.hinted.has(key)) continue;
    done.hinted.add(key);
    for (const w of hintWarnings(app)) s.warn(w);
  }
  s.timeouts.set(file, effectiveTimeoutMs(scenario, s.profile));
  const report = await runScenario(scenario, {
    transports: await s.transports(),
    keepSpare: false,
    timings: s.timings,
    apps,
    ...(s.profile ? { profile: s.profile } : {}),
    onStepStart: (i, action, total) => s.progress.stepStarted(file, i, action, total),
    onStep: () => s.progress.stepEnded(file),
  });
  return { result: { file, kind: 'ran', report, durationMs: Date.now() - t0 }, code: report.passed ? 0 : 1 };
}

async function pool<T, R>(items: T[], jobs: number, work: (item: T, index: number) => Promise<R>, each: (r: R, i: number) => void): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
      each(out[i]!, ++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return out;
}

export async function runCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    reporter: { type: 'string' },
    out: { type: 'string' },
    app: { type: 'string' },
    profile: { type: 'string' },
    jobs: { type: 'string' },
    typecheck: { type: 'boolean' },
    timings: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(RUN_USAGE());
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('run needs at least one scenario file or glob');
  const available = Object.values(PROFILES)
    .filter((p) => p.available)
    .map((p) => p.id);
  const profile = values.profile;
  if (profile !== undefined && !(isProfileId(profile) && PROFILES[profile].available)) {
    throw new UsageError(`--profile must be one of ${available.join(', ')} (or the old names current, deno-1.43, legacy); got ${JSON.stringify(profile)}`);
  }
  const reporterName = (values.reporter ?? (values.out !== undefined || !io.stdoutIsTTY ? 'json' : 'pretty')) as ReporterName;
  if (!REPORTERS.includes(reporterName)) throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}; got ${JSON.stringify(values.reporter)}`);
  const jobs = intOption('jobs', values.jobs, 1, 1);
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? {};
  const files = await scenarioFiles(positionals, cwd);
  // One pool of runtimes started ahead for all files: the second file onward finds them ready.
  let warm: WarmRuntimes | null = null;
  let transports: Promise<TransportFactory> | null = null;
  const folders = new Map<string, Promise<AppDefinition>>();
  const timeouts = new Map<string, number>();
  const progress = stderrProgress(io.err, { isTTY: io.stderrIsTTY ?? false, timeoutMs: (f) => timeouts.get(f) ?? PROFILES.current.timeoutMs });
  const settings: RunSettings = {
    cwd,
    profile: profile as ProfileId | undefined,
    appDir: values.app,
    typecheck: values.typecheck ?? false,
    timings: values.timings ?? false,
    // One file: nothing to start ahead for (and no spare: a hung app's worker is replaced cold).
    transports: () => (transports ??= nodeTransports().then((make) => (warm = warmRuntimes(make, { size: files.length > 1 ? 2 * jobs : 0 })).factory)),
    load: (dir) => {
      let def = folders.get(dir);
      if (!def) folders.set(dir, (def = loadApp(dir)));
      return def;
    },
    warn: (w) => io.err(`hookscope: ${w}`),
    progress,
    timeouts,
  };
  const done = { typechecked: new Set<string>(), hinted: new Set<string>() };
  let outcomes: Outcome[];
  try {
    outcomes = await pool(
      files,
      jobs,
      (f, i) => {
        // The last file: the runtimes it needs are started on demand, none ahead for nobody.
        if (i === files.length - 1) (warm as WarmRuntimes | null)?.resize(0);
        return runFile(f, settings, done);
      },
      (o, n) => {
        progress.fileDone(o.result.file, o.code === 0, n, files.length);
      },
    );
  } finally {
    progress.stop();
    (warm as WarmRuntimes | null)?.dispose();
  }
  const summary: RunSummary = { files: outcomes.map((o) => o.result), passed: outcomes.every((o) => o.code === 0) };
  const single = positionals.length === 1 && !isDynamicPattern(positionals[0]!);
  const toFile = values.out !== undefined;
  const text =
    reporterName === 'json'
      ? jsonReporter(summary, single)
      : reporterName === 'junit'
        ? junitReporter(summary)
        : reporterName === 'tap'
          ? tapReporter(summary)
          : prettyReporter(paintFor(!toFile && (io.stdoutIsTTY ?? false), env))(summary);
  if (toFile) await writeFile(resolve(cwd, values.out!), text + '\n');
  else io.out(text);
  for (const o of outcomes) {
    if (o.result.kind === 'error') for (const p of o.result.problems) io.err(p.startsWith('  ') ? p : `hookscope: ${p}`);
    else for (const f of o.result.report.failures) io.err(`hookscope: ${o.result.file}: ${f}`);
  }
  return Math.max(0, ...outcomes.map((o) => o.code));
}
