/**
 * `npm run fidelity -- [--runs N] [--seed S] [--out file] [--batch B] [--skip-cases] [--skip-implements]`
 *
 * Runs the same pipelines through hookscope (profile "current") and through the real
 * Apps-Engine 1.62.0 and compares them (see compare.ts): the hand-written cases, the `implements`
 * corpus, then N generated pipelines (fast-check, seed S). Writes the figures to a JSON file
 * (default fidelity/results/latest.json). Exit code 1 when a difference is not in
 * known-differences.ts; the first such generated pipeline is shrunk and printed as a scenario.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { fidelityRoot } from './deno/setup.mjs';
import { batchDrawArb, batchOfCases, batchOfDraw, caseOfDraw, type Case } from './gen.ts';
import { shrinkCase } from './shrink.ts';
import { knownFor } from './known-differences.ts';
import { scenarioOf, type Batch } from './model.ts';
import type { PipelineOutcome } from './run-batch.ts';
import { startSession, type Session } from './session.ts';
import { HAND_WRITTEN } from './cases.ts';
import { checkImplementsCorpus } from './implements-check.ts';

interface Args {
  runs: number;
  seed: number;
  out: string;
  batch: number;
  pool: number;
  cases: boolean;
  implementsCorpus: boolean;
  shrink: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    runs: 200,
    seed: 20260101,
    out: join(fidelityRoot, 'results', 'latest.json'),
    batch: 100,
    pool: 10,
    cases: true,
    implementsCorpus: true,
    shrink: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name: string) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${name} needs a whole number, got ${JSON.stringify(argv[i])}`);
      return v;
    };
    if (a === '--runs') args.runs = num('--runs');
    else if (a === '--seed') args.seed = num('--seed');
    else if (a === '--batch') args.batch = Math.max(1, num('--batch'));
    else if (a === '--pool') args.pool = Math.max(1, num('--pool'));
    else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else if (a === '--skip-cases') args.cases = false;
    else if (a === '--skip-implements') args.implementsCorpus = false;
    else if (a === '--no-shrink') args.shrink = false;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const write = (s: string) => process.stdout.write(s);

interface Classified {
  source: string;
  index: number;
  verdict: 'agree' | 'known' | 'differ';
  known?: string;
  outcome: PipelineOutcome;
}

function classify(source: string, batch: Batch, outcomes: PipelineOutcome[]): Classified[] {
  return outcomes.map((o) => {
    const known = knownFor({ batch, index: o.index, hookscope: o.hookscope, real: o.real, differences: o.differences });
    const verdict = o.differences.length === 0 ? 'agree' : known ? 'known' : 'differ';
    return { source, index: o.index, verdict, ...(known ? { known: known.id } : {}), outcome: o };
  });
}

function printDifference(c: Classified) {
  write(`\n  DIFFERENCE (${c.source}, pipeline ${c.index}${c.known ? `, known: ${c.known}` : ''}):\n`);
  for (const d of c.outcome.differences) {
    write(`    ${d.where}\n      hookscope: ${JSON.stringify(d.hookscope)}\n      real:      ${JSON.stringify(d.real)}\n`);
  }
  for (const n of c.outcome.notes) write(`    note: ${n}\n`);
}

/** Shrinks a failing case on both engines (fidelity/shrink.ts): each attempt is one pipeline run. */
async function shrink(session: Session, start: Case): Promise<Case> {
  const failing = async (c: Case) => {
    const batch = batchOfCases([c]);
    const [o] = classify('shrink', batch, await session.runner.run(batch));
    return o!.verdict === 'differ';
  };
  const result = await shrinkCase(start, failing, { maxAttempts: 150, maxMillis: 300_000 });
  write(
    `  shrinking: ${result.attempts} runs, ${result.steps} changes kept${result.exhausted ? ' (stopped at its budget of 150 runs or 5 minutes: smaller may exist)' : '; no single simpler case still differs'}\n`,
  );
  return result.minimal;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const session = await startSession(write);
  const all: Classified[] = [];
  const report: Record<string, unknown> = { engine: `@rocket.chat/apps-engine ${session.engine.version}`, profile: 'current', seed: args.seed };
  let failed = false;
  try {
    if (args.implementsCorpus) {
      const corpus = await checkImplementsCorpus();
      report.implementsCorpus = corpus;
      write(`implements corpus: ${corpus.files - corpus.differences.length}/${corpus.files} class files agree with the real apps compiler's manifest\n`);
      for (const d of corpus.differences)
        write(
          `  DIFFERENCE ${d.file}${d.known ? ` (known: ${d.known})` : ''}: hookscope ${JSON.stringify(d.hookscope)}, real compiler ${JSON.stringify(d.real)}\n`,
        );
      if (corpus.differences.some((d) => !d.known)) failed = true;
    }
    if (args.cases) {
      const t = performance.now();
      const batch = batchOfCases(HAND_WRITTEN.map((c) => c.case));
      const classified = classify('hand-written', batch, await session.runner.run(batch));
      classified.forEach((c) => (c.source = `hand-written "${HAND_WRITTEN[c.index]!.name}"`));
      all.push(...classified);
      const agree = classified.filter((c) => c.verdict === 'agree').length;
      write(`hand-written cases: ${agree}/${classified.length} agree (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
      classified.filter((c) => c.verdict !== 'agree').forEach(printDifference);
    }
    const batches = Math.ceil(args.runs / args.batch);
    const draws = batches ? fc.sample(batchDrawArb(args.pool, args.batch), { seed: args.seed, numRuns: batches }) : [];
    let generated = 0;
    let firstFailure: Case | null = null;
    for (const [b, draw] of draws.entries()) {
      const t = performance.now();
      const keep = Math.min(args.batch, args.runs - generated);
      const trimmed = { ...draw, pipelines: draw.pipelines.slice(0, keep) };
      const batch = batchOfDraw(trimmed);
      const classified = classify(`generated batch ${b}`, batch, await session.runner.run(batch));
      all.push(...classified);
      generated += classified.length;
      const counts = (v: Classified['verdict']) => classified.filter((c) => c.verdict === v).length;
      const tm = session.runner.timing;
      write(
        `generated batch ${b + 1}/${batches}: ${classified.length} pipelines, ${counts('agree')} agree, ${counts('known')} known differences, ${counts('differ')} differences (${((performance.now() - t) / 1000).toFixed(1)} s; so far: real side ${(tm.real / 1000).toFixed(1)} s, of it enabling apps ${(tm.enable / 1000).toFixed(1)} s; hookscope side ${(tm.hookscope / 1000).toFixed(1)} s summed, two at a time)\n`,
      );
      for (const c of classified.filter((x) => x.verdict !== 'agree')) {
        printDifference(c);
        if (c.verdict === 'differ' && !firstFailure) firstFailure = caseOfDraw(trimmed, c.index);
      }
    }
    const pick = (pred: (c: Classified) => boolean) => all.filter(pred);
    const gen = pick((c) => c.source.startsWith('generated'));
    const hand = pick((c) => c.source.startsWith('hand-written'));
    const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 100 : 100);
    const genAgree = gen.filter((c) => c.verdict === 'agree').length;
    const summary = {
      generatedPipelines: gen.length,
      generatedAgreeing: genAgree,
      generatedAgreementPercent: pct(genAgree, gen.length),
      handWrittenCases: hand.length,
      handWrittenAgreeing: hand.filter((c) => c.verdict === 'agree').length,
      knownDifferences: all.filter((c) => c.verdict === 'known').length,
      unknownDifferences: all.filter((c) => c.verdict === 'differ').length,
      agreementExcludingKnownPercent: pct(all.filter((c) => c.verdict !== 'differ').length, all.length),
      durationSeconds: Math.round((performance.now() - t0) / 100) / 10,
    };
    Object.assign(report, summary, {
      differences: all
        .filter((c) => c.verdict !== 'agree')
        .map((c) => ({
          source: c.source,
          pipeline: c.index,
          known: c.known ?? null,
          differences: c.outcome.differences,
          notes: c.outcome.notes,
          scenario: c.outcome.scenario,
        })),
    });
    if (summary.unknownDifferences) failed = true;
    if (firstFailure && args.shrink) {
      write(`\nshrinking the first failing generated pipeline...\n`);
      const minimal = await shrink(session, firstFailure);
      const scenario = scenarioOf(batchOfCases([minimal]), 0);
      report.minimalFailure = scenario;
      const file = join(dirname(args.out), 'minimal-failure.json');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(scenario, null, 2) + '\n');
      write(`minimal failing case, as a hookscope scenario (${file}; run it with npx hookscope run ${file}):\n${JSON.stringify(scenario, null, 2)}\n`);
    }
    write(
      `\nFIDELITY: ${summary.generatedPipelines} generated pipelines, ${summary.generatedAgreementPercent}% agreement with the real Apps-Engine ${session.engine.version}` +
        ` (${summary.knownDifferences} known differences, ${summary.unknownDifferences} unknown); hand-written ${summary.handWrittenAgreeing}/${summary.handWrittenCases}; ${summary.durationSeconds} s\n`,
    );
  } finally {
    await session.stop();
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
    write(`figures written to ${args.out}\n`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().then(
  () => process.exit(),
  (e) => {
    process.stderr.write(`fidelity: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
