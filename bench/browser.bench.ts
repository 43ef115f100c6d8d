/**
 * Browser benchmarks in Debian Chromium (playwright-core, no Playwright test runner). Writes
 * bench/results/browser.json. Run with `npm run bench -- browser` (or
 * `node --import tsx bench/browser.bench.ts`).
 *
 * (a) sandbox: a Vite dev server serves bench/browser/sandbox.html (bench-only, not in the
 *     production build): AppProcess over the real sandbox vs a plain page <-> Worker echo, worker
 *     start, hung-call recovery.
 * (b) history streaming: bench/browser/history.html (bench-only, a second dev server in production
 *     mode so React runs as it does for users) mounts the real RunArea; frame times while 1 000
 *     runs cloned from one real recorded trace stream into the runs slice, against an idle baseline.
 * (c) page load: `vite build` (production) to a temp folder, `vite preview`, time to Monaco live
 *     cold and warm, gzip size of the JavaScript fetched before the editor is live (Monaco apart).
 * (d) graph paint: on the same preview, a workspace with 1, 5 and 20 Prevent apps is put into
 *     localStorage before the page loads (the autosave format); from the click on Run to the frame
 *     in which the final graph is painted, next to the host answer appearing (and the answer with
 *     the Console tab shown, no graph mounted).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import { assertMeasured, machineInfo, printSummary, writeResults, BENCH_DIR } from './lib/report.ts';
import { derived, round, summarize, withFloor, type Metric } from './lib/stats.ts';
import { preventWorkspace } from './lib/prevent-workspace.ts';
import { STORAGE_KEY } from '../src/state/autosave.ts';
import { serializeWorkspace } from '../src/workspace/workspace-file.ts';

const SUITE = 'browser';
const ROOT = join(BENCH_DIR, '..');
const CONFIG = join(ROOT, 'vite.config.ts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The flags of design.md / playwright.config.ts: no background networking on this closed network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const metrics: Metric[] = [];
const extra: Record<string, unknown> = {};
const log = (msg: string) => console.log(`[${SUITE}] ${msg}`);
/** BENCH_BROWSER_PARTS=history,graph (of sandbox, history, page, graph) runs only those parts: for iterating; use with BENCH_RESULTS_DIR. */
const PARTS = (process.env['BENCH_BROWSER_PARTS'] ?? 'sandbox,history,real,page,graph').split(',').map((p) => p.trim());
const want = (part: string) => PARTS.includes(part);
/** Parts that could not be measured: the suite still writes its results, then fails naming them. */
const skipped: string[] = [];
const skip = (name: string, reason: string) => {
  extra[name] = { skipped: reason };
  skipped.push(`${name} (${reason})`);
  log(`skipped ${name}: ${reason}`);
};

interface SandboxBench {
  callOverhead(perRound: number, rounds: number): Promise<{ raw: number[]; sized: number[]; call: number[]; callMsgBytes: number }>;
  workerStart(n: number): Promise<{ raw: number[]; loaded: number[]; firstCall: number[] }>;
  hungRecovery(n: number, variant: 'standby' | 'spare' | 'cold', timeoutMs: number): Promise<number[]>;
}
type BenchWindow = { sandboxBench: SandboxBench };

async function benchSandbox(browser: Browser): Promise<void> {
  // Dependency discovery stays on (with its own cache folder): the page imports CommonJS packages
  // (the Apps-Engine definitions) that only Vite's pre-bundling turns into ES modules; with
  // `noDiscovery` the page failed ("does not provide an export named 'AppInterface'") and every
  // sandbox metric was skipped.
  const cacheDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-sandbox-vite-'));
  const server = await createServer({
    configFile: CONFIG,
    root: ROOT,
    cacheDir,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, hmr: false },
    optimizeDeps: { entries: ['bench/browser/sandbox.html'] },
  });
  await server.listen();
  try {
    const url = `${server.resolvedUrls?.local[0] ?? ''}bench/browser/sandbox.html`;
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'warning' && log(`page: ${m.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    const o = await page.evaluate(() => (window as unknown as BenchWindow).sandboxBench.callOverhead(40, 3));
    const raw = summarize(
      'sandbox.raw.roundTrip',
      'ms',
      o.raw,
      'page <-> plain dedicated Worker (blob: URL, no iframe) echo of { n }; each sample is the mean of 20 back-to-back round trips (performance.now() is coarsened to 0.1 ms)',
    );
    const sized = withFloor(
      summarize(
        'sandbox.raw.roundTrip.callSized',
        'ms',
        o.sized,
        `the same echo worker, posting the exact call message AppProcess sends (${o.callMsgBytes} bytes as JSON), echoed back: the floor of the per-call target; samples are means of 20`,
      ),
      raw,
    );
    const call = withFloor(
      summarize(
        'sandbox.call',
        'ms',
        o.call,
        'AppProcess.call of executePreRoomCreatePrevent returning false over the real sandbox (MessagePort from the page to a blob: Worker in the sandboxed iframe); samples are means of 20 calls',
      ),
      sized,
    );
    metrics.push(raw, sized, call);
    metrics.push(
      withFloor(
        derived(
          'sandbox.call.overhead',
          'ms',
          { median: call.median - raw.median, p95: call.p95 - raw.p95, min: call.min - raw.min, samples: call.samples },
          'sandbox.call minus sandbox.raw.roundTrip, statistic by statistic',
        ),
        raw,
      ),
      withFloor(
        derived(
          'sandbox.call.ratio',
          'x',
          { median: call.median / raw.median, p95: call.p95 / raw.p95, min: call.min / raw.min, samples: call.samples },
          'sandbox.call divided by sandbox.raw.roundTrip, statistic by statistic',
        ),
        raw,
      ),
      withFloor(
        derived(
          'sandbox.call.vsEcho',
          'x',
          { median: call.median / sized.median, p95: call.p95 / sized.p95, min: call.min / sized.min, samples: call.samples },
          'sandbox.call divided by sandbox.raw.roundTrip.callSized (an echo of the same message), statistic by statistic; issue 17 target: 1.5x or less',
        ),
        sized,
      ),
    );
    const s = await page.evaluate(() => (window as unknown as BenchWindow).sandboxBench.workerStart(6));
    const rawStart = summarize(
      'sandbox.raw.workerStart',
      'ms',
      s.raw.slice(1),
      'floor: new Worker(blob: echo) on the page to its first echo (first start dropped)',
    );
    metrics.push(
      rawStart,
      withFloor(
        summarize(
          'sandbox.worker.cold.loaded',
          'ms',
          s.loaded.slice(1),
          'no spare: spawn in the sandboxed iframe, runtime bundle evaluated, app transpiled, constructed -> "loaded" (first start dropped)',
        ),
        rawStart,
      ),
      withFloor(
        summarize(
          'sandbox.worker.cold.firstCall',
          'ms',
          s.firstCall.slice(1),
          'no spare: spawn to the first executePreRoomCreatePrevent answer (first start dropped)',
        ),
        rawStart,
      ),
    );
    for (const variant of ['standby', 'spare', 'cold'] as const) {
      const r = await page.evaluate(([v]) => (window as unknown as BenchWindow).sandboxBench.hungRecovery(6, v, 200), [variant] as const);
      const what = {
        standby: 'with a standby worker that has the app loaded: a hand-over, no load',
        spare: 'with the pre-warmed spare (engine default): the app is loaded into it',
        cold: 'without a spare: a cold worker start and the app load',
      }[variant];
      metrics.push(
        withFloor(
          summarize(
            `sandbox.replaceHung.${variant}`,
            'ms',
            r,
            `Prevent handler in an endless loop, per-call timeout 200 ms: from that call's own timeout firing to the NEXT call's answer (liveness pings while the call runs: a stuck worker is known at the timeout), ${what}; issue 17 target: 50 ms (spare), 15 ms (standby)`,
          ),
          variant === 'cold' ? rawStart : call,
        ),
      );
    }
    await page.close();
  } finally {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Every sandbox metric: the suite fails naming any of these it could not measure. */
const SANDBOX_METRICS = [
  'sandbox.raw.roundTrip',
  'sandbox.raw.roundTrip.callSized',
  'sandbox.call',
  'sandbox.call.overhead',
  'sandbox.call.ratio',
  'sandbox.call.vsEcho',
  'sandbox.raw.workerStart',
  'sandbox.worker.cold.loaded',
  'sandbox.worker.cold.firstCall',
  'sandbox.replaceHung.standby',
  'sandbox.replaceHung.spare',
  'sandbox.replaceHung.cold',
];

/**
 * How much of each built chunk is Monaco's own code, by the modules the bundler put in it
 * (rendered bytes from node_modules/monaco-editor over all rendered bytes): the page-load
 * metric splits each fetched chunk's gzip by this share, so neither a chunk's name nor a
 * mixed chunk (Monaco plus our setup) decides what counts as Monaco.
 */
const monacoShare = new Map<string, number>();

function recordMonacoShare(output: unknown): void {
  const outputs = (Array.isArray(output) ? output : [output]) as {
    output?: { type: string; fileName: string; modules?: Record<string, { renderedLength: number }> }[];
  }[];
  for (const o of outputs) {
    for (const chunk of o.output ?? []) {
      if (chunk.type !== 'chunk' || !chunk.modules) continue;
      let all = 0;
      let monaco = 0;
      for (const [id, m] of Object.entries(chunk.modules)) {
        all += m.renderedLength;
        if (id.includes('/node_modules/monaco-editor/')) monaco += m.renderedLength;
      }
      monacoShare.set(basename(chunk.fileName), all === 0 ? 0 : monaco / all);
    }
  }
}

/**
 * Vite's config resolution sets process.env.NODE_ENV when it is unset and every later server or
 * build in this process inherits it (a build after a dev server would be a development build):
 * each server and build here runs with the value it needs, restored afterwards.
 */
async function withNodeEnv<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const prev = process.env['NODE_ENV'];
  if (value === undefined) delete process.env['NODE_ENV'];
  else process.env['NODE_ENV'] = value;
  try {
    return await fn();
  } finally {
    if (prev === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = prev;
  }
}

/** `vite build` (production) to a temp folder and `vite preview` of it, for the page-load and graph benchmarks. */
async function withPreview(body: (base: string, outDir: string) => Promise<void>): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
  try {
    await withNodeEnv('production', async () => {
      const t0 = performance.now();
      recordMonacoShare(await build({ configFile: CONFIG, root: ROOT, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } }));
      extra['buildSeconds'] = Math.round((performance.now() - t0) / 100) / 10;
      const server = await preview({
        configFile: CONFIG,
        root: ROOT,
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port: 0, strictPort: false },
      });
      try {
        await body(server.resolvedUrls?.local[0] ?? '', outDir);
      } finally {
        await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      }
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function benchPageLoad(browser: Browser, base: string, outDir: string): Promise<void> {
  const gz = (file: string) => gzipSync(readFileSync(join(outDir, 'assets', file))).length;
  const cold: number[] = [];
  const warm: number[] = [];
  let firstFetched: { file: string; monacoShare: number; gzip: number }[] = [];
  const ready = `[data-testid="code-editor"][data-ready="true"]`;
  for (let i = 0; i < 4; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Each script request with the wall-clock time it started (Playwright's request timing): what
    // started before the editor was live counts, whenever its response arrived.
    const fetched: { file: string; startedAt: number }[] = [];
    let live = false;
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (!live && u.pathname.endsWith('.js')) fetched.push({ file: basename(u.pathname), startedAt: r.request().timing().startTime });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The moment the editor became live, recorded in the page by a MutationObserver (not at the
    // next poll), so what starts loading after it never counts as loaded before it.
    await page.addInitScript((sel) => {
      const w = window as unknown as { __hsLiveAt?: number };
      new MutationObserver((_, obs) => {
        if (w.__hsLiveAt === undefined && document.querySelector(sel)) {
          w.__hsLiveAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    }, ready);
    const waitLive = async () => {
      const h = await page.waitForFunction(() => (window as unknown as { __hsLiveAt?: number }).__hsLiveAt ?? 0, undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      return (await h.jsonValue()) as number;
    };
    try {
      await page.goto(base, { waitUntil: 'commit' });
      const liveAt = await waitLive();
      cold.push(liveAt);
      const liveWall = (await page.evaluate(() => performance.timeOrigin)) + liveAt;
      // Responses still in flight at the live moment arrive a little later: give them a moment.
      await page.waitForTimeout(300);
      live = true;
      if (i === 0) {
        const before = fetched.filter((f) => f.startedAt > 0 && f.startedAt < liveWall).map((f) => f.file);
        firstFetched = [...new Set(before)].map((file) => {
          const share = monacoShare.get(file);
          if (share === undefined) throw new Error(`${file} was fetched but is not in the build's chunks`);
          return { file, monacoShare: Math.round(share * 1000) / 1000, gzip: gz(file) };
        });
      }
      await page.goto(base, { waitUntil: 'commit' });
      warm.push(await waitLive());
      // (fetched keeps no more entries: live is set)
    } catch (err) {
      throw new Error(`the editor never became live (${errors.join('; ') || String(err)})`);
    } finally {
      await context.close();
    }
  }
  metrics.push(
    summarize(
      'page.editorLive.cold',
      'ms',
      cold,
      'fresh browser context (empty HTTP cache): navigation start to [data-testid=code-editor][data-ready=true] (Monaco live), vite preview of a production build on loopback',
    ),
    summarize('page.editorLive.warm', 'ms', warm, 'the same context navigated again (HTTP cache and saved workspace warm): navigation start to Monaco live'),
  );
  const part = (monaco: boolean) =>
    firstFetched.map((f) => ({ file: f.file, gzip: f.gzip * (monaco ? f.monacoShare : 1 - f.monacoShare) })).filter((f) => f.gzip >= 1);
  const sum = (xs: { gzip: number }[]) => xs.reduce((a, b) => a + b.gzip, 0);
  const app = part(false);
  const monaco = part(true);
  const list = (xs: { file: string; gzip: number }[]) => xs.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)}`).join(', ');
  metrics.push(
    summarize(
      'page.js.beforeEditor.app.gzip',
      'KiB',
      [sum(app) / 1024],
      `gzip (zlib default level) of the non-Monaco JavaScript fetched before the editor was live; a chunk's gzip is split by the share of its rendered bytes that come from node_modules/monaco-editor (KiB each): ${list(app)}`,
    ),
    summarize(
      'page.js.beforeEditor.monaco.gzip',
      'KiB',
      [sum(monaco) / 1024],
      `gzip of Monaco's own code fetched before the editor was live, split the same way (KiB each): ${list(monaco)}`,
    ),
  );
  extra['jsBeforeEditorLive'] = firstFetched;
}

// ---------------------------------------------------------------------------------------------
// (c) trigger -> final graph painted, in the built app

/**
 * In-page measurement, plain JavaScript (functions handed to page.evaluate would carry tsx's
 * `__name` helper, which the page does not have). `measure(n)` clicks Run and resolves with the
 * times, from the click, at which (a) a new host answer `completed` and (b) the new run's final
 * graph (outcome `completed`, `n` handler nodes all in a final state, React Flow nodes measured and
 * visible) were painted. A MutationObserver notices each condition; the frame is timestamped after
 * it was rendered: requestAnimationFrame, then a MessageChannel task (runs once that frame's
 * style, layout and paint are done). With `answerOnly` (another tab than the graph shown) only
 * the answer is waited for.
 */
const PAINT_PROBE = `window.__hsPaint = {
  measure(n, timeoutMs, answerOnly) {
    return new Promise((resolve, reject) => {
      const q = (s) => document.querySelector(s);
      const prevRunId = q('[data-testid="run-graph"]')?.getAttribute('data-run-id') ?? null;
      const prevAnswer = q('[data-testid="run-answer"]');
      const button = q('[data-testid="run-button"]');
      if (!button || button.disabled) return reject(new Error('run-button is missing or disabled'));
      const NOT_FINAL = ['pending', 'paused', 'running'];
      // A node is shown once React Flow has measured it (it hides unmeasured nodes); the outcome card sits beside the canvas.
      const shown = (el) => { const w = el.closest('.react-flow__node'); return w ? w.style.visibility !== 'hidden' : el.getClientRects().length > 0; };
      const afterPaint = (cb) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => cb(performance.now()); ch.port2.postMessage(0); });
      const r = { answer: NaN, paint: answerOnly ? 0 : NaN, answerSeen: NaN, paintSeen: answerOnly ? 0 : NaN, handlers: 0 };
      let t0 = 0;
      let settled = false;
      const finish = () => {
        if (settled || Number.isNaN(r.answer) || Number.isNaN(r.paint)) return;
        settled = true; observer.disconnect(); clearTimeout(timer);
        resolve(r);
      };
      const check = () => {
        const t = performance.now() - t0;
        if (Number.isNaN(r.answerSeen)) {
          const a = q('[data-testid="run-answer"]');
          if (a && a !== prevAnswer && a.textContent === 'completed') { r.answerSeen = t; afterPaint((at) => { r.answer = at - t0; finish(); }); }
        }
        if (Number.isNaN(r.paintSeen)) {
          const g = q('[data-testid="run-graph"]');
          if (g && g.getAttribute('data-run-id') !== prevRunId) {
            const o = g.querySelector('[data-testid="graph-outcome"]');
            const hs = [...g.querySelectorAll('[data-testid^="graph-handler-"]')];
            if (o && o.getAttribute('data-state') === 'completed' && shown(o) && hs.length === n && hs.every((h) => !NOT_FINAL.includes(h.getAttribute('data-state')) && shown(h))) {
              r.paintSeen = t; r.handlers = hs.length; afterPaint((at) => { r.paint = at - t0; finish(); });
            }
          }
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state', 'data-run-id', 'style'] });
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true; observer.disconnect();
        const g = q('[data-testid="run-graph"]');
        const states = g ? [...g.querySelectorAll('[data-testid^="graph-handler-"]')].map((h) => h.getAttribute('data-state')).join(',') : 'no graph';
        reject(new Error('no final graph after ' + timeoutMs + ' ms (run ' + (g?.getAttribute('data-run-id') ?? '-') + ', outcome ' + (g?.querySelector('[data-testid="graph-outcome"]')?.getAttribute('data-state') ?? '-') + ', handlers ' + states + ', answer ' + (q('[data-testid="run-answer"]')?.textContent ?? '-') + ')'));
      }, timeoutMs);
      t0 = performance.now();
      button.click();
      check();
    });
  },
};`;

interface PaintSample {
  answer: number;
  paint: number;
  answerSeen: number;
  paintSeen: number;
  handlers: number;
}

const APP_COUNTS = [1, 5, 20, 50];
const PAINT_WARMUP = 2;
const PAINT_SAMPLES = 15;
/** Runs with the Console tab shown instead of the graph (the graph is not mounted). */
const CONSOLE_SAMPLES = 8;

type Measure = { __hsPaint: { measure(n: number, timeoutMs: number, answerOnly: boolean): Promise<PaintSample> } };

async function paintSamples(browser: Browser, base: string, n: number): Promise<{ samples: PaintSample[]; consoleTab: PaintSample[]; appsReadyMs: number }> {
  const context = await browser.newContext();
  try {
    // The workspace the page restores on load (src/state/autosave.ts): N Prevent apps from the template.
    const saved = serializeWorkspace(preventWorkspace(n, 'bench-warm-0'));
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, saved] as const);
    await context.addInitScript({ content: PAINT_PROBE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(base);
    try {
      // Loaded: every app row shows its interface badges and Run is enabled.
      await page.waitForFunction(
        (count) =>
          document.querySelectorAll('[data-testid="app-implements"]').length === count &&
          !(document.querySelector('[data-testid="run-button"]') as HTMLButtonElement | null)?.disabled,
        n,
        { polling: 100, timeout: 180_000 },
      );
    } catch (err) {
      throw new Error(`${n} apps never loaded (${errors.join('; ') || String(err)})`);
    }
    const appsReadyMs = Date.now() - t0;
    await page.getByTestId('action-createRoom').click();
    let room = 0;
    const runs = async (count: number, answerOnly: boolean) => {
      const out: PaintSample[] = [];
      for (let i = 0; i < count; i++) {
        await page.getByTestId('room-name').fill(`bench-${n}-apps-${room++}`);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
        out.push(await page.evaluate(([count, only]) => (window as unknown as Measure).__hsPaint.measure(count, 30_000, only), [n, answerOnly] as const));
      }
      return out;
    };
    await runs(PAINT_WARMUP, false);
    const samples = await runs(PAINT_SAMPLES, false);
    await page.getByTestId('run-tab-console').click();
    await runs(1, true);
    const consoleTab = await runs(CONSOLE_SAMPLES, true);
    return { samples, consoleTab, appsReadyMs };
  } finally {
    await context.close();
  }
}

async function benchGraphPaint(browser: Browser, base: string): Promise<void> {
  const info: Record<string, unknown> = {};
  for (const n of APP_COUNTS) {
    const loadStart = loadavg().map((l) => round(l));
    const { samples, consoleTab, appsReadyMs } = await paintSamples(browser, base, n);
    const paint = summarize(
      `graph.paint.${n}apps`,
      'ms',
      samples.map((s) => s.paint),
      `${n} Prevent app(s) (src/templates, all returning false), create room: click on Run to the frame in which the new run's graph is final (outcome completed, ${n} handler node(s) final and shown) has been painted; production build, one page, ${PAINT_WARMUP} warm-up runs dropped`,
    );
    const answer = summarize(
      `graph.answer.${n}apps`,
      'ms',
      samples.map((s) => s.answer),
      `the same runs: click on Run to the frame in which the host answer "completed" has been painted (the floor: engine + ${n} sandbox call(s) + the answer area)`,
    );
    metrics.push(
      paint,
      answer,
      derived(
        `graph.paint.${n}apps.overhead`,
        'ms',
        { median: paint.median - answer.median, p95: paint.p95 - answer.p95, min: paint.min - answer.min, samples: paint.samples },
        `graph.paint.${n}apps minus graph.answer.${n}apps, statistic by statistic: what drawing the final graph adds after the answer is shown`,
      ),
      summarize(
        `graph.answer.${n}apps.consoleTab`,
        'ms',
        consoleTab.map((s) => s.answer),
        `the same page with the Console tab shown instead of the graph (the graph is not mounted): click on Run to the answer painted (${CONSOLE_SAMPLES} runs after 1 warm-up); graph.answer.${n}apps minus this is what the live graph costs during the run`,
      ),
    );
    info[`${n}apps`] = {
      loadAverage: { start: loadStart, end: loadavg().map((l) => round(l)) },
      appsReadyMs,
      paintAfterAnswerPerSample: samples.map((s) => round(s.paint - s.answer)),
      graphFinalInDomMedian: round(
        summarize(
          'x',
          'ms',
          samples.map((s) => s.paintSeen),
          '',
        ).median,
      ),
      answerInDomMedian: round(
        summarize(
          'x',
          'ms',
          samples.map((s) => s.answerSeen),
          '',
        ).median,
      ),
    };
    log(`graph paint ${n} app(s): median ${paint.median} ms (answer ${answer.median} ms)`);
  }
  extra['graphPaint'] = {
    samplesPerCount: PAINT_SAMPLES,
    warmup: PAINT_WARMUP,
    how: 'workspace seeded into localStorage (hookscope.workspace) before load; the room name is changed through the form (room-name) before each run; timestamps: MutationObserver notices the DOM condition, then requestAnimationFrame + a MessageChannel task after that frame; "InDom" = when the observer saw the condition',
    ...info,
  };
}

// ---------------------------------------------------------------------------------------------
// (d) frame times while 1 000 runs stream into the history

const STREAM_RUNS = 1000;
const STREAM_EVERY_MS = 4;
const STREAM_MAX_BURST = 8;
const STREAM_TRACE_APPS = 5;
const IDLE_MS = 3000;

interface HistoryBench {
  info(): { runArea: boolean; viteMode: string; prod: boolean; viewport: string; runAreaHeight: number };
  prepare(apps: number): Promise<{ events: number; outcome: string; apps: number; runMs: number }>;
  idle(ms: number): Promise<{ frames: number[]; heap: number | null }>;
  stream(
    count: number,
    everyMs: number,
    maxBurst: number,
  ): Promise<{
    frames: number[];
    fedMs: number;
    ticks: number;
    biggestBurst: number;
    runsAfter: number;
    rowsInDom: number;
    heapBefore: number | null;
    heapAfter: number | null;
    graphRunId: string | null;
  }>;
  realRuns(count: number, apps: number): Promise<{ perRun: number[]; frames: number[]; runsInStore: number; roomsInWorld: number }>;
}

/** Real runs into the history (issue 17: 3 000 runs, heap under 200 MB, cost per run flat within 20% of the first 100). */
const REAL_RUNS = Number(process.env['BENCH_REAL_RUNS'] ?? 3000);
const REAL_CHUNK = 500;
const REAL_APPS = 1;
const REAL_WINDOW = 100;

async function benchRealRuns(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && log(`page: ${m.text()}`));
  try {
    await page.goto(url, { timeout: 180_000 });
    await page
      .waitForFunction(() => document.title === 'ready', undefined, { timeout: 180_000 })
      .catch((err: unknown) => {
        throw new Error(`the history page did not start (${errors.join('; ') || String(err)})`);
      });
    const loadStart = loadavg().map((l) => round(l));
    await page.evaluate((a) => (window as unknown as HistoryWindow).historyBench.realRuns(0, a), REAL_APPS);
    const heapStart = await usedHeapAfterGc(page);
    const perRun: number[] = [];
    const frames: number[] = [];
    const heapCurve: { runs: number; mib: number | null }[] = [{ runs: 0, mib: mib(heapStart) }];
    let last = { runsInStore: 0, roomsInWorld: 0 };
    while (perRun.length < REAL_RUNS) {
      const n = Math.min(REAL_CHUNK, REAL_RUNS - perRun.length);
      const r = await page.evaluate(([c, a]) => (window as unknown as HistoryWindow).historyBench.realRuns(c, a), [n, REAL_APPS] as const);
      perRun.push(...r.perRun);
      frames.push(...r.frames);
      last = r;
      heapCurve.push({ runs: perRun.length, mib: mib(await usedHeapAfterGc(page)) });
      log(
        `real runs: ${perRun.length}/${REAL_RUNS}, heap ${heapCurve.at(-1)?.mib} MiB, last ${REAL_WINDOW} median ${summarize('x', 'ms', perRun.slice(-REAL_WINDOW), '').median} ms`,
      );
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const heapEnd = await usedHeapAfterGc(page);
    const first = summarize(
      `history.real.run.first${REAL_WINDOW}`,
      'ms',
      perRun.slice(0, REAL_WINDOW),
      `the floor: trigger to settled in the store for each of the first ${REAL_WINDOW} real runs (create-room through the EngineController on the sandbox, ${REAL_APPS} Prevent app(s), a new room each)`,
    );
    const lastW = summarize(
      `history.real.run.last${REAL_WINDOW}`,
      'ms',
      perRun.slice(-REAL_WINDOW),
      `the same for the last ${REAL_WINDOW} of ${REAL_RUNS} runs (the world then holds ${last.roomsInWorld} rooms)`,
    );
    metrics.push(
      first,
      lastW,
      derived(
        `history.real.run.ratio`,
        'x',
        { median: lastW.median / first.median, p95: lastW.p95 / first.p95, min: lastW.min / first.min, samples: lastW.samples },
        `last ${REAL_WINDOW} / first ${REAL_WINDOW}, statistic by statistic (target: at most 1.2)`,
      ),
    );
    metrics.push(
      summarize(
        'history.real.heap',
        'MiB',
        [heapEnd / 2 ** 20],
        `JS heap used after a forced GC (CDP) with ${last.runsInStore} real runs in the history (target: under 200 MB); ${mib(heapStart)} MiB after loading the app(s), before the first run`,
      ),
    );
    const fs = frameStats('history.real.frame', frames, `while the ${REAL_RUNS} real runs stream (the Run area follows the newest run, its graph shown)`);
    metrics.push(...fs.metrics);
    extra['historyReal'] = {
      runs: REAL_RUNS,
      apps: REAL_APPS,
      runsInStore: last.runsInStore,
      roomsInWorld: last.roomsInWorld,
      heapCurveMiB: heapCurve,
      perRunMedianBy500: Array.from(
        { length: Math.ceil(perRun.length / 500) },
        (_, i) => summarize('x', 'ms', perRun.slice(i * 500, i * 500 + 500), '').median,
      ),
      loadAverage: { start: loadStart, end: loadavg().map((l) => round(l)) },
    };
    log(`real runs: first ${REAL_WINDOW} ${first.median} ms, last ${REAL_WINDOW} ${lastW.median} ms, heap ${mib(heapEnd)} MiB`);
  } finally {
    await page.close();
  }
}
type HistoryWindow = { historyBench: HistoryBench };

function frameStats(name: string, frames: number[], what: string): { metrics: Metric[]; max: number; over50: number } {
  const max = Math.max(...frames);
  const over50 = frames.filter((f) => f > 50).length;
  const m = summarize(
    name,
    'ms',
    frames,
    `${what}; requestAnimationFrame to requestAnimationFrame, one sample per frame; max ${round(max)} ms, ${over50} frame(s) over 50 ms`,
  );
  return {
    metrics: [
      m,
      summarize(`${name}.max`, 'ms', [max], `the longest frame of ${name}`),
      summarize(`${name}.over50ms`, 'frames', [over50], `frames of ${name} longer than 50 ms (of ${frames.length})`),
    ],
    max,
    over50,
  };
}

async function usedHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

const mib = (bytes: number | null) => (bytes === null ? null : round(bytes / 2 ** 20));

async function benchHistoryStream(browser: Browser): Promise<void> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-vite-'));
  try {
    await withNodeEnv('production', async () => {
      // Production mode: React's production build and JSX runtime, as users run it (a dev server in
      // development mode would measure React's development checks).
      const server = await createServer({
        configFile: CONFIG,
        root: ROOT,
        mode: 'production',
        cacheDir,
        logLevel: 'warn',
        server: { host: '127.0.0.1', port: 0, hmr: false },
        optimizeDeps: { entries: ['bench/browser/history.html'] },
      });
      await server.listen();
      try {
        const page = await browser.newPage();
        page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && log(`page: ${m.text()}`));
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const url = `${server.resolvedUrls?.local[0] ?? ''}bench/browser/history.html`;
        if (want('real'))
          await benchRealRuns(browser, url).catch((err: unknown) => skip('historyReal', `failed: ${err instanceof Error ? err.message : String(err)}`));
        if (!want('history')) return;
        await page.goto(url);
        await page
          .waitForFunction(() => document.title === 'ready', undefined, { timeout: 90_000 })
          .catch((err: unknown) => {
            throw new Error(`the history page did not start (${errors.join('; ') || String(err)})`);
          });
        const pageInfo = await page.evaluate(() => (window as unknown as HistoryWindow).historyBench.info());
        const trace = await page.evaluate((n) => (window as unknown as HistoryWindow).historyBench.prepare(n), STREAM_TRACE_APPS);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        const heapBeforeGc = await usedHeapAfterGc(page);
        const idle = await page.evaluate((ms) => (window as unknown as HistoryWindow).historyBench.idle(ms), IDLE_MS);
        const s = await page.evaluate(([c, e, b]) => (window as unknown as HistoryWindow).historyBench.stream(c, e, b), [
          STREAM_RUNS,
          STREAM_EVERY_MS,
          STREAM_MAX_BURST,
        ] as const);
        const heapAfterGc = await usedHeapAfterGc(page);
        if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
        const i = frameStats(
          'history.idle.frame',
          idle.frames,
          `idle baseline: the same page (RunArea with 1 run, its graph shown) for ${IDLE_MS / 1000} s before streaming`,
        );
        const st = frameStats(
          'history.stream.frame',
          s.frames,
          `while ${STREAM_RUNS} runs (clones of one real ${STREAM_TRACE_APPS}-app create-room trace, ${trace.events} events) are fed into the runs slice, one due every ${STREAM_EVERY_MS} ms (at most ${STREAM_MAX_BURST} per timer tick); the Run area follows the newest run`,
        );
        metrics.push(...i.metrics, ...st.metrics);
        metrics.push(
          summarize(
            'history.stream.feed',
            'ms',
            [s.fedMs],
            `wall time to feed the ${STREAM_RUNS} runs (${round(STREAM_RUNS / (s.fedMs / 1000))} runs/s achieved; nominal ${1000 / STREAM_EVERY_MS}/s)`,
          ),
        );
        metrics.push(
          summarize(
            'history.heap.growth',
            'MiB',
            [(heapAfterGc - heapBeforeGc) / 2 ** 20],
            `JS heap used after a forced GC (CDP), after streaming minus before (${mib(heapBeforeGc)} -> ${mib(heapAfterGc)} MiB)`,
          ),
        );
        extra['historyStream'] = {
          page: pageInfo,
          trace,
          runsAfter: s.runsAfter,
          historyRowsInDom: s.rowsInDom,
          graphShowsRun: s.graphRunId,
          timerTicks: s.ticks,
          biggestBurst: s.biggestBurst,
          idleFrames: idle.frames.length,
          streamFrames: s.frames.length,
          heapMiB: {
            performanceMemory: {
              idle: mib(idle.heap),
              beforeStream: mib(s.heapBefore),
              afterStream: mib(s.heapAfter),
              note: 'performance.memory.usedJSHeapSize (no GC; Chromium quantizes it without --enable-precise-memory-info)',
            },
            afterGc: { before: mib(heapBeforeGc), after: mib(heapAfterGc) },
          },
        };
        log(`history stream: median frame ${st.metrics[0]?.median} ms (idle ${i.metrics[0]?.median} ms), max ${round(st.max)} ms, ${st.over50} over 50 ms`);
        await page.close();
      } finally {
        await server.close();
      }
    });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = machineInfo();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  extra['chromium'] = browser.version();
  try {
    if (want('sandbox')) {
      log('sandbox: call overhead, worker start, hung-call recovery');
      await withNodeEnv(process.env['NODE_ENV'], () => benchSandbox(browser)).catch((err: unknown) =>
        skip('sandbox', `failed: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
    if (want('history') || want('real')) {
      log(`history: frame times while ${STREAM_RUNS} runs stream into the Run area; ${REAL_RUNS} real runs`);
      await benchHistoryStream(browser).catch((err: unknown) => skip('historyStream', `failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    if (want('page') || want('graph')) {
      log('page load and graph paint: build, preview');
      await withPreview(async (base, outDir) => {
        if (want('page')) {
          log('page load: editor live cold and warm');
          await benchPageLoad(browser, base, outDir).catch((err: unknown) => skip('pageLoad', `failed: ${err instanceof Error ? err.message : String(err)}`));
        }
        if (want('graph')) {
          log(`graph paint: click on Run to the final graph, ${APP_COUNTS.join(', ')} apps`);
          await benchGraphPaint(browser, base).catch((err: unknown) => skip('graphPaint', `failed: ${err instanceof Error ? err.message : String(err)}`));
        }
      }).catch((err: unknown) => skip('build', `failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  } finally {
    await browser.close();
  }
  extra['loadAverageAtEnd'] = loadavg().map((l) => Math.round(l * 100) / 100);
  const result = { suite: SUITE, machine, durationSeconds: Math.round((performance.now() - started) / 100) / 10, metrics, extra };
  const file = writeResults(result);
  printSummary(result);
  log(`wrote ${file}`);
  if (metrics.length === 0) throw new Error('no browser metric could be measured');
  assertMeasured(metrics, want('sandbox') ? SANDBOX_METRICS : [], skipped);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
