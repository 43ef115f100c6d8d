/**
 * Browser benchmarks in Debian Chromium (playwright-core, no Playwright test runner). Writes
 * bench/results/browser.json. Run with `npm run bench -- browser` (or
 * `node --import tsx bench/browser.bench.ts`).
 *
 * (a) sandbox: a Vite dev server serves bench/browser/sandbox.html (bench-only, not in the
 *     production build): AppProcess over the real sandbox vs a plain page <-> Worker echo, worker
 *     start, hung-call recovery.
 * (b) page load: `vite build` to a temp folder, `vite preview`, time to Monaco live cold and warm,
 *     gzip size of the JavaScript fetched before the editor is live (Monaco's chunks apart).
 * (c) graph paint: on the same preview, a workspace with 1, 5 and 20 Prevent apps is put into
 *     localStorage before the page loads (the autosave format); from the click on Run to the frame
 *     in which the final graph is painted, next to the host answer appearing.
 * (d) history streaming: bench/browser/history.html (bench-only, a second dev server in production
 *     mode so React runs as it does for users) mounts the real RunArea; frame times while 1 000
 *     runs cloned from one real recorded trace stream into the runs slice, against an idle baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import { machineInfo, printSummary, writeResults, BENCH_DIR } from './lib/report.ts';
import { derived, round, summarize, type Metric } from './lib/stats.ts';
import { preventWorkspace } from './lib/prevent-workspace.ts';
import { STORAGE_KEY } from '../src/state/autosave.ts';
import { serializeWorkspace } from '../src/state/workspace-file.ts';

const SUITE = 'browser';
const ROOT = join(BENCH_DIR, '..');
const CONFIG = join(ROOT, 'vite.config.ts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The flags of design.md / playwright.config.ts: no background networking on this closed network.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const metrics: Metric[] = [];
const extra: Record<string, unknown> = {};
const log = (msg: string) => console.log(`[${SUITE}] ${msg}`);
const skip = (name: string, reason: string) => {
  extra[name] = { skipped: reason };
  log(`skipped ${name}: ${reason}`);
};

interface SandboxBench {
  callOverhead(perRound: number, rounds: number): Promise<{ raw: number[]; sized: number[]; call: number[]; callMsgBytes: number }>;
  workerStart(n: number): Promise<{ raw: number[]; loaded: number[]; firstCall: number[] }>;
  hungRecovery(n: number, keepSpare: boolean, timeoutMs: number): Promise<number[]>;
}
type BenchWindow = { sandboxBench: SandboxBench };

async function benchSandbox(browser: Browser): Promise<void> {
  const server = await createServer({ configFile: CONFIG, root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 }, optimizeDeps: { noDiscovery: true, include: [] } });
  await server.listen();
  try {
    const url = `${server.resolvedUrls?.local[0] ?? ''}bench/browser/sandbox.html`;
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'warning' && log(`page: ${m.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    const o = await page.evaluate(() => (window as unknown as BenchWindow).sandboxBench.callOverhead(40, 3));
    const raw = summarize('sandbox.raw.roundTrip', 'ms', o.raw, 'page <-> plain dedicated Worker (blob: URL, no iframe) echo of { n }; each sample is the mean of 20 back-to-back round trips (performance.now() is coarsened to 0.1 ms)');
    const sized = summarize('sandbox.raw.roundTrip.callSized', 'ms', o.sized, `the same echo worker, posting the exact call message AppProcess sends (${o.callMsgBytes} bytes as JSON); samples are means of 20`);
    const call = summarize('sandbox.call', 'ms', o.call, 'AppProcess.call of executePreRoomCreatePrevent returning false over the real sandbox (MessagePort from the page to a blob: Worker in the sandboxed iframe); samples are means of 20 calls');
    metrics.push(raw, sized, call);
    metrics.push(
      derived('sandbox.call.overhead', 'ms', { median: call.median - raw.median, p95: call.p95 - raw.p95, min: call.min - raw.min, samples: call.samples }, 'sandbox.call minus sandbox.raw.roundTrip, statistic by statistic'),
      derived('sandbox.call.ratio', 'x', { median: call.median / raw.median, p95: call.p95 / raw.p95, min: call.min / raw.min, samples: call.samples }, 'sandbox.call divided by sandbox.raw.roundTrip, statistic by statistic'),
    );
    const s = await page.evaluate(() => (window as unknown as BenchWindow).sandboxBench.workerStart(6));
    metrics.push(
      summarize('sandbox.raw.workerStart', 'ms', s.raw.slice(1), 'floor: new Worker(blob: echo) on the page to its first echo (first start dropped)'),
      summarize('sandbox.worker.cold.loaded', 'ms', s.loaded.slice(1), 'no spare: spawn in the sandboxed iframe, runtime bundle evaluated, app transpiled, constructed -> "loaded" (first start dropped)'),
      summarize('sandbox.worker.cold.firstCall', 'ms', s.firstCall.slice(1), 'no spare: spawn to the first executePreRoomCreatePrevent answer (first start dropped)'),
    );
    for (const keepSpare of [true, false]) {
      const r = await page.evaluate(([k]) => (window as unknown as BenchWindow).sandboxBench.hungRecovery(6, k, 200), [keepSpare] as const);
      metrics.push(
        summarize(
          `sandbox.replaceHung.${keepSpare ? 'spare' : 'cold'}`,
          'ms',
          r,
          `Prevent handler in an endless loop, per-call timeout 200 ms: from the timeout firing to the NEXT call's answer (includes the 250 ms liveness probe), ${keepSpare ? 'with the pre-warmed spare (engine default)' : 'without a spare: a cold worker start'}`,
        ),
      );
    }
    await page.close();
  } finally {
    await server.close();
  }
}

const MONACO = /^(editor\.api|monaco-setup|editor\.worker|ts\.worker|json\.worker|css\.worker|html\.worker|tsMode|jsonMode|typescript|javascript)-/;

async function benchPageLoad(browser: Browser): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
  try {
    const t0 = performance.now();
    await build({ configFile: CONFIG, root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    extra['buildSeconds'] = Math.round((performance.now() - t0) / 100) / 10;
    const server = await preview({ configFile: CONFIG, root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
    try {
      const base = server.resolvedUrls?.local[0] ?? '';
      const gz = (file: string) => gzipSync(readFileSync(join(outDir, 'assets', file))).length;
      const cold: number[] = [];
      const warm: number[] = [];
      let firstFetched: { file: string; monaco: boolean; gzip: number }[] = [];
      const ready = `[data-testid="code-editor"][data-ready="true"]`;
      for (let i = 0; i < 4; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const fetched: string[] = [];
        let live = false;
        page.on('response', (r) => {
          const u = new URL(r.url());
          if (!live && u.pathname.endsWith('.js')) fetched.push(basename(u.pathname));
        });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const waitLive = async () => {
          const h = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), ready, { polling: 'raf', timeout: 30_000 });
          return (await h.jsonValue()) as number;
        };
        try {
          await page.goto(base, { waitUntil: 'commit' });
          cold.push(await waitLive());
          live = true;
          if (i === 0) firstFetched = [...new Set(fetched)].map((file) => ({ file, monaco: MONACO.test(file), gzip: gz(file) }));
          await page.goto(base, { waitUntil: 'commit' });
          warm.push(await waitLive());
        } catch (err) {
          throw new Error(`the editor never became live (${errors.join('; ') || String(err)})`);
        } finally {
          await context.close();
        }
      }
      metrics.push(
        summarize('page.editorLive.cold', 'ms', cold, 'fresh browser context (empty HTTP cache): navigation start to [data-testid=code-editor][data-ready=true] (Monaco live), vite preview of a production build on loopback'),
        summarize('page.editorLive.warm', 'ms', warm, 'the same context navigated again (HTTP cache and saved workspace warm): navigation start to Monaco live'),
      );
      const sum = (xs: { gzip: number }[]) => xs.reduce((a, b) => a + b.gzip, 0);
      const app = firstFetched.filter((f) => !f.monaco);
      const monaco = firstFetched.filter((f) => f.monaco);
      metrics.push(
        summarize('page.js.beforeEditor.app.gzip', 'KiB', [sum(app) / 1024], `gzip (zlib default level) of the non-Monaco JavaScript fetched before the editor was live: ${app.map((f) => f.file).join(', ')}`),
        summarize('page.js.beforeEditor.monaco.gzip', 'KiB', [sum(monaco) / 1024], `gzip of Monaco's own chunks fetched before the editor was live: ${monaco.map((f) => f.file).join(', ')}`),
      );
      extra['jsBeforeEditorLive'] = firstFetched;
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = machineInfo();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  extra['chromium'] = browser.version();
  try {
    log('sandbox: call overhead, worker start, hung-call recovery');
    await benchSandbox(browser).catch((err: unknown) => skip('sandbox', `failed: ${err instanceof Error ? err.message : String(err)}`));
    log('page load: build, preview, editor live cold and warm');
    await benchPageLoad(browser).catch((err: unknown) => skip('pageLoad', `failed: ${err instanceof Error ? err.message : String(err)}`));
  } finally {
    await browser.close();
  }
  skip('TODO.graphPaint', 'time from action trigger to the final graph painted for 1, 5 and 20 apps: not measured yet. The Run area with the graph (src/ui/run/, `run-graph`) landed while this suite was written (the tree did not load, React error #185, until then); to add: install N apps through the page, click run-button, wait for `graph-outcome` with a rAF-polled waitForFunction');
  skip('TODO.historyStreamFrames', 'frame times while 1 000 runs stream into the history: not measured yet, same reason as TODO.graphPaint (to add: rAF gaps while 1 000 runs are fed to the runs slice)');
  const result = { suite: SUITE, machine, durationSeconds: Math.round((performance.now() - started) / 100) / 10, metrics, extra };
  const file = writeResults(result);
  printSummary(result);
  log(`wrote ${file}`);
  if (metrics.length === 0) throw new Error('no browser metric could be measured');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
