/**
 * `hookscope dev` on an app with an npm dependency (a copy of fixtures/apps/npm-dependency, `ms`
 * in its node_modules): the page runs the folder's bundle, as `hookscope run` does, and shows the
 * outcome and the log line the CLI gives; a stack frame names the app's own file and line; a
 * change saved on disk is bundled again and the last action re-runs; an edit in the browser
 * editor is bundled by the server against the folder's node_modules, and a module that cannot be
 * resolved is the app's load error, with file, line and module.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareFixtureApp, removeFixtureApps } from '../src/test-support/fixture-apps.ts';
import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';
import { startDevServer, stopDevServer } from './pages/dev-server.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repo, 'bin/hookscope.mjs');
const PORT = Number(process.env['HOOKSCOPE_DEV_BUNDLE_E2E_PORT'] ?? 5221);
const APP_ID = '3f1c0d52-6a0e-4a53-9d7c-1b2f8e7a0c11';

const describeTs = (words: string) =>
  `import ms = require('ms');\n\n/** How long a room may stay idle, in words. */\nexport function idleLimit(minutes: number): string {\n    return ${words};\n}\n`;

let dir = '';
let cliDir = '';
let server: ChildProcess | null = null;
let url = '';

interface CliReport {
  steps: { outcome: string; logs: { text: string; site?: string }[]; calls: { status: string; error?: { stack?: string } }[] }[];
}

/** What `hookscope run` says about the same folder. */
function cli(room: string): CliReport['steps'][number] {
  // Outside the app folder: a file written there would be a change on disk.
  const scenario = join(cliDir, `cli-${room}.json`);
  writeFileSync(
    scenario,
    JSON.stringify({
      apps: [{ path: dir }],
      users: [{ id: 'u1', username: 'alice' }],
      steps: [{ action: 'createRoom', name: room, type: 'c', creator: 'alice' }],
    }),
  );
  const r = spawnSync(process.execPath, [bin, 'run', scenario, '--reporter', 'json'], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`hookscope run: exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as CliReport).steps[0]!;
}

test.beforeAll(async () => {
  dir = prepareFixtureApp('npm-dependency');
  cliDir = mkdtempSync(join(tmpdir(), 'hookscope-dev-bundle-cli-'));
  ({ server, url } = await startDevServer(repo, dir, PORT));
});

test.afterAll(async () => {
  await stopDevServer(server);
  removeFixtureApps();
  if (cliDir) rmSync(cliDir, { recursive: true, force: true });
});

test('hookscope dev on an app with an npm dependency: the page runs the bundle as the CLI does', async ({ page }) => {
  test.setTimeout(150_000);
  const wb = new Workbench(page);
  const run = new RunArea(page);
  const latestRun = () => page.getByTestId('run-entry').first();
  const lobby = cli('lobby');
  expect(lobby.outcome).toBe('completed');
  expect(lobby.logs.map((l) => l.text)).toContain('lobby may stay idle for 2 hours');

  await page.goto(url);
  await page.getByTestId('workbench').waitFor();
  await expect(page.getByTestId('dev-note')).toContainText('opened hookscope-fixture-npm-dependency');
  await expect(page.getByTestId('dev-note')).not.toContainText('npm packages must be bundled');
  await expect(wb.appRow(APP_ID)).toBeVisible();

  await wb.setRoomName('lobby');
  await wb.run();
  await expect(wb.answer()).toContainText(lobby.outcome, { timeout: 30_000 });
  // The app's log lines are in the Run area's Console tab.
  await run.tab('console').click();
  await expect(latestRun()).toContainText('lobby may stay idle for 2 hours');
  await expect(wb.appRow(APP_ID).getByTestId('app-load-error')).toHaveCount(0);

  // A throw inside the bundle: the stack names the app's own file and line, as in the CLI.
  const crash = cli('crash');
  const site = /IdleRoomNotesApp\.ts:\d+/.exec(crash.calls[0]?.error?.stack ?? '')?.[0];
  expect(site).toBe('IdleRoomNotesApp.ts:10');
  await wb.setRoomName('crash');
  await wb.run();
  await expect(wb.answer()).toContainText(crash.outcome, { timeout: 30_000 });
  await expect(latestRun()).toContainText('crash requested');
  await run.tab('graph').click();
  await run.handler('IPreRoomCreatePrevent', APP_ID).click();
  const thrown = run.inspector().getByTestId('inspector-error');
  await expect(thrown).toContainText('Error: crash requested');
  await expect(thrown).toContainText(site!);
  await expect(thrown).not.toContainText('__bundle__');
  await run.tab('console').click();

  // Saved on disk: the server bundles the folder again, the page reloads the app and re-runs.
  await wb.setRoomName('lounge');
  await wb.run();
  await expect(latestRun()).toContainText('lounge may stay idle for 2 hours');
  writeFileSync(join(dir, 'src/describe.ts'), describeTs("'about ' + ms(minutes * 60 * 1000)"));
  await expect(page.getByTestId('dev-note')).toHaveAttribute('data-reloads', '1', { timeout: 30_000 });
  await expect(page.getByTestId('dev-note')).toContainText('reloaded src/describe.ts from disk; running createRoom again');
  await expect(latestRun()).toContainText('lounge may stay idle for about 2h', { timeout: 30_000 });
  expect(cli('lobby').logs.map((l) => l.text)).toContain('lobby may stay idle for about 2h');

  // Edited in the page: the server bundles the edited sources with the folder's node_modules.
  await wb.selectApp(APP_ID);
  await wb.openFile('src/describe.ts');
  await wb.typeIntoEditor(describeTs("'edited in the page: ' + ms(minutes * 60 * 1000, { long: true })"));
  await expect(page.getByTestId('dev-save')).toHaveText('Save to folder (1)');
  await wb.setRoomName('patio');
  await wb.run();
  await expect(latestRun()).toContainText('patio may stay idle for edited in the page: 2 hours', { timeout: 30_000 });

  // A module that is not installed: the app row says where and which, as `hookscope run` does.
  await wb.openFile('src/describe.ts');
  await wb.typeIntoEditor("import left from 'left-pad-nowhere';\nexport const idleLimit = (n: number): string => left(String(n));\n");
  const error = wb.appRow(APP_ID).getByTestId('app-load-error');
  await expect(error).toContainText(
    /Could not bundle the app: src\/describe\.ts:1:\d+: "left-pad-nowhere" is imported by src\/describe\.ts:1 but node_modules\/left-pad-nowhere is not in the app folder/,
    { timeout: 30_000 },
  );
  await page.screenshot({ path: 'test-results/dev-bundle.png' });
});
