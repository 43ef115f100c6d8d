/**
 * The library's `runScenario` takes its app runtimes from one pool of warm workers per process:
 * each call after the first finds its workers started (during the previous call), no call starts
 * a spare of its own, and the workers neither keep the process alive nor survive closeRuntimes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRuntimes, runScenario } from './index.ts';
import { sharedStarted } from './shared-runtimes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Two apps, three steps. */
const EXAMPLE = resolve(ROOT, 'examples/banned-words.json');

afterAll(closeRuntimes);

describe('runScenario: the shared pool of warm runtimes', () => {
  it('starts two runtimes per call of a two-app scenario, ahead of the call, and none as spares', async () => {
    await closeRuntimes();
    for (let k = 1; k <= 4; k++) {
      const report = await runScenario(EXAMPLE);
      expect(report.passed, report.failures.join('\n')).toBe(true);
      // The first call starts its 2 on demand; every call leaves 2 started for the next one.
      // (Without the pool each call started 4: a worker and a spare per app.)
      expect(await sharedStarted()).toBe(2 * k + 2);
    }
  }, 60_000);

  it('closeRuntimes stops the waiting workers; the next call starts a new pool', async () => {
    await runScenario(EXAMPLE);
    await closeRuntimes();
    expect(await sharedStarted()).toBe(0);
    expect((await runScenario(EXAMPLE)).passed).toBe(true);
    expect(await sharedStarted()).toBe(4);
  }, 60_000);

  it('warm: false runs on workers of its own', async () => {
    await closeRuntimes();
    expect((await runScenario(EXAMPLE, { warm: false })).passed).toBe(true);
    expect(await sharedStarted()).toBe(0);
  }, 60_000);

  it('a process that never calls closeRuntimes still exits when its work is done', () => {
    // tsx registered as bin/hookscope.mjs does it (a `--import tsx` flag would reach the workers too).
    const code = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register();
      const { runScenario } = await import(${JSON.stringify(pathToFileURL(resolve(ROOT, 'src/lib/index.ts')).href)});
      for (let i = 0; i < 3; i++) {
        const r = await runScenario(${JSON.stringify(EXAMPLE)});
        if (!r.passed) { console.error(r.failures.join('\\n')); process.exit(3); }
      }
      console.log('ran 3');`;
    // A file, not `-e` with --input-type=module: workers inherit the flag and would read their code as ESM.
    const script = join(mkdtempSync(join(tmpdir(), 'hookscope-lib-exit-')), 'exits.mjs');
    writeFileSync(script, code);
    const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.error, 'the process did not exit by itself').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('ran 3');
  }, 70_000);
});
