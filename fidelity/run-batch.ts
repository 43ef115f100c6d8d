/**
 * Runs a batch of pipelines on both sides. Real side: the batch's pool apps are compiled by the
 * real apps compiler and installed once (one Deno process each); each pipeline then enables its
 * apps in its order, resets the host's world and runs its actions. hookscope side: each pipeline
 * as its own scenario (a fresh engine, as `hookscope run`), with the same source text.
 */
import { createHash } from 'node:crypto';
import { compileApp } from './real/compile.ts';
import type { RealEngine } from './real/engine.ts';
import { RealHost, type HostRoom } from './real/host.ts';
import { differences, hookscopeSide, normalRoom, type Difference, type Side, type SideStep } from './compare.ts';
import { runHookscope } from './hookscope-side.ts';
import { batchSources, concreteActions, pipelineKey, scenarioOf, seedRooms, USERS, type Batch } from './model.ts';

export interface PipelineOutcome {
  index: number;
  scenario: Record<string, unknown>;
  hookscope: Side;
  real: Side;
  differences: Difference[];
  /** Problems outside the comparison (bridge calls nobody expected, unhandled rejections). */
  notes: string[];
}

const EPOCH = Date.UTC(2026, 0, 1);

function uuidFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

let installSeq = 0;

const HOOKSCOPE_PARALLEL = 2;

/** `f` over `items`, at most `n` at a time; the promises in the items' order. */
function limited<T, R>(n: number, items: T[], f: (item: T) => Promise<R>): Promise<R>[] {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return items.map(
    (item) =>
      new Promise<R>((resolve, reject) => {
        const go = () => {
          running++;
          f(item).then(resolve, reject).finally(next);
        };
        if (running < n) go();
        else queue.push(go);
      }),
  );
}

/**
 * One pipeline through hookscope. An app's load timing out is the machine being busy (the
 * generated apps do nothing at load time), not a rule: then the pipeline runs again (up to three more times).
 */
async function runHookscopeSide(scenario: Record<string, unknown>) {
  const loadTimedOut = (r: Awaited<ReturnType<typeof runHookscope>>) =>
    r.apps.some((a) => a.loadError && /loading the app (timed out|took longer)/.test(a.loadError));
  let report = await runHookscope(scenario);
  for (let attempt = 1; attempt < 4 && loadTimedOut(report); attempt++) report = await runHookscope(scenario);
  return report;
}

export class BatchRunner {
  readonly host: RealHost;
  /** Time spent per side since the start (ms, summed over pipelines; hookscope's run two at a time beside the real side). */
  readonly timing = { real: 0, hookscope: 0, enable: 0 };
  constructor(
    private readonly engine: RealEngine,
    host: RealHost,
    /** Progress lines (the real side's app installs take most of a batch's time). */
    private readonly progress: (line: string) => void = () => undefined,
  ) {
    this.host = host;
  }

  async run(batch: Batch): Promise<PipelineOutcome[]> {
    const sources = batchSources(batch);
    const ids: string[] = [];
    // hookscope's side of every pipeline is independent (a fresh engine each, as `hookscope
    // run`): they run two at a time in the background from the start, while the real side
    // compiles and installs the apps and then goes through the pipelines one after the other
    // (one engine, shared apps).
    const scenarios = [...batch.pipelines.keys()].map((k) =>
      scenarioOf(
        batch,
        k,
        sources.map((s) => s.source),
      ),
    );
    const hookscopeRuns = limited(HOOKSCOPE_PARALLEL, scenarios, (scenario) => this.timed('hookscope', () => runHookscopeSide(scenario)));
    for (const p of hookscopeRuns) p.catch(() => undefined); // awaited below; not unhandled meanwhile
    try {
      const t0 = performance.now();
      for (const [i, { source }] of sources.entries()) {
        const id = uuidFor(`fidelity-${installSeq++}-${i}`);
        const compiled = await compileApp({ id, name: `App ${i}`, nameSlug: `app${i}-${installSeq}`, classFile: 'Main.ts', files: { 'Main.ts': source } });
        ids.push(await this.engine.install(compiled.zip));
      }
      this.progress(
        `  ${sources.length} apps compiled by the real apps compiler and installed, each in its own Deno process (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
      );
      const out: PipelineOutcome[] = [];
      for (const k of batch.pipelines.keys()) {
        let real = await this.timed('real', () => this.runReal(batch, k, ids));
        let report = await hookscopeRuns[k]!;
        let hookscope = hookscopeSide(report);
        let diffs = differences(hookscope, real.side);
        const retries: string[] = [];
        // A call that timed out though it answers at once is the machine's load, not a rule: run the
        // pipeline again (both sides), twice at most; a difference that stays is reported.
        for (let attempt = 2; attempt <= 3 && diffs.length > 0; attempt++) {
          const flaky = [
            ...spuriousTimeouts(batch, k, real.side).map((c) => `real ${c}`),
            ...spuriousTimeouts(batch, k, hookscope).map((c) => `hookscope ${c}`),
          ];
          if (flaky.length === 0) break;
          retries.push(`run ${attempt}: ${flaky.join(', ')} timed out although its behaviour answers at once (a busy machine); the pipeline ran again`);
          real = await this.timed('real', () => this.runReal(batch, k, ids));
          report = await this.timed('hookscope', () => runHookscopeSide(scenarios[k]!));
          hookscope = hookscopeSide(report);
          diffs = differences(hookscope, real.side);
        }
        const notes = [
          ...retries,
          ...real.notes,
          ...report.problems.map((p) => `hookscope: ${p}`),
          ...report.apps.filter((a) => a.loadError).map((a) => `hookscope: ${a.id} did not load: ${a.loadError}`),
        ];
        for (const r of retries) this.progress(`  pipeline ${k}: ${r}\n`);
        out.push({ index: k, scenario: scenarios[k]!, hookscope, real: real.side, differences: diffs, notes });
        if ((k + 1) % 25 === 0 && k + 1 < batch.pipelines.length)
          this.progress(`  ${k + 1}/${batch.pipelines.length} pipelines compared (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
      }
      return out;
    } finally {
      await this.engine.remove(ids);
    }
  }

  private async timed<T>(side: 'real' | 'hookscope', f: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await f();
    } finally {
      this.timing[side] += performance.now() - t;
    }
  }

  private async runReal(batch: Batch, k: number, ids: string[]): Promise<{ side: Side; notes: string[] }> {
    const p = batch.pipelines[k]!;
    const key = pipelineKey(k);
    const appLabel = new Map(ids.map((id, i) => [id, `app${i}`]));
    const byName = (u: string) => USERS.find((x) => x.username === u)!.id;
    const rooms: HostRoom[] = seedRooms(key).map((r) => ({
      id: r.id,
      slugifiedName: r.slugifiedName,
      displayName: r.slugifiedName,
      type: r.type,
      creatorId: byName(r.creator),
      memberIds: r.members.map(byName),
      ownerIds: [byName(r.creator)],
      isDefault: false,
      isReadOnly: false,
      displaySystemMessages: true,
      messageCount: 0,
      createdAt: new Date(EPOCH),
      updatedAt: new Date(EPOCH),
    }));
    this.host.reset(USERS, rooms);
    const te = performance.now();
    await this.engine.setEnabled(p.apps.map((i) => ids[i]!));
    this.timing.enable += performance.now() - te;
    const steps: SideStep[] = [];
    const notes: string[] = [];
    for (const action of concreteActions(key, p.actions)) {
      const from = this.engine.calls.length;
      const result = await this.host.run(action);
      await this.host.settleBackground();
      await this.engine.settle(10_000);
      const calls = this.engine.calls
        .slice(from)
        .filter((c) => !(c.method.startsWith('check') && c.settle?.kind === 'error' && c.settle.code === -32601))
        .map((c) => `${appLabel.get(c.appId) ?? c.appId}.${c.method}:${statusOf(c.settle)}`);
      const room = result.roomName ? this.host.rooms.find((r) => r.slugifiedName === result.roomName) : undefined;
      steps.push({ error: result.error, calls, room: room ? this.normal(room) : null });
      notes.push(...this.host.unhandled.splice(0).map((u) => `real: unhandled rejection in a Post loop nobody awaits: ${u}`));
    }
    if (this.engine.unexpected.length)
      notes.push(`real: bridge methods the harness does not implement were called: ${[...new Set(this.engine.unexpected.splice(0))].join(', ')}`);
    const roomsOut = this.host.rooms.map((r) => this.normal(r)).sort((a, b) => a.name.localeCompare(b.name));
    return { side: { steps, rooms: roomsOut }, notes };
  }

  private normal(r: HostRoom) {
    const name = (id: string) => USERS.find((u) => u.id === id)?.username ?? id;
    return normalRoom({
      slugifiedName: r.slugifiedName,
      type: r.type,
      displayName: r.displayName ?? null,
      creator: name(r.creatorId),
      members: r.memberIds.map(name),
      isReadOnly: r.isReadOnly,
      customFields: r.customFields ?? null,
      description: r.description ?? null,
    });
  }
}

/**
 * The calls of one side that timed out although the pipeline's plan says they answer at once:
 * any behaviour but `timeout`, or a method the class does not write (Method not found).
 */
function spuriousTimeouts(batch: Batch, k: number, side: Side): string[] {
  const p = batch.pipelines[k]!;
  const out: string[] = [];
  for (const step of side.steps) {
    for (const call of step.calls) {
      const m = /^app(\d+)\.(\w+):timed-out$/.exec(call);
      if (!m) continue;
      const j = p.apps.indexOf(Number(m[1]));
      if ((j >= 0 ? p.plans[j]?.[m[2]!] : undefined) !== 'timeout') out.push(call);
    }
  }
  return out;
}

function statusOf(s: import('./real/engine.ts').RealSettle | null): string {
  if (!s) return 'unsettled';
  if (s.kind === 'result') return 'returned';
  if (s.kind === 'timeout') return 'timed-out';
  switch (s.code) {
    case -32070:
      return 'threw-apps-engine';
    case -32601:
      return 'not-found';
    case -32602:
      return 'invalid-params';
    default:
      return 'threw';
  }
}
