/**
 * Apps loaded the way the server gets them, in the browser (issue 10): a folder whose app imports
 * npm packages is bundled from its node_modules (esbuild-wasm in a worker), and the zip
 * `rc-apps package` makes is run as it is. The fixture is fixtures/apps/npm-local-package (its
 * packages written for hookscope); src/bundle/load-folder.integration.test.ts runs the same folder
 * and the same zip in the Node runner with the same outcomes: lobby completes and logs
 * "LOBBY MAY STAY IDLE FOR 2 HOURS!", quiet-room is prevented.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { loadAppFolder } from '../src/bundle/load-folder.ts';
import { BUNDLED_MARKER } from '../src/bundle/loaded-app.ts';
import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';

test.describe.configure({ timeout: 120_000 });

const FIXTURE = fileURLToPath(new URL('../fixtures/apps/npm-local-package', import.meta.url));
const APP_ID = '6b0f7a2e-9c41-4d2b-8a55-2f0e4c9d1a77';

let dirs: string[] = [];
test.afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hookscope-e2e-npm-'));
  dirs.push(d);
  return d;
}

async function runRoom(wb: Workbench, name: string): Promise<void> {
  await wb.setRoomName(name);
  await wb.run();
}

/** The log lines of the runs so far (the console tab), then back to the graph. */
async function expectLog(wb: Workbench, text: string): Promise<void> {
  const run = new RunArea(wb.page);
  await run.tab('console').click();
  await expect(wb.page.getByTestId('run-log')).toContainText(text, { timeout: 20_000 });
  await run.tab('graph').click();
}

/** lobby completes with the package's log line; quiet-room is prevented (the Node runner's outcomes). */
async function expectNodeOutcomes(wb: Workbench): Promise<void> {
  await runRoom(wb, 'lobby');
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
  await expectLog(wb, 'LOBBY MAY STAY IDLE FOR 2 HOURS!');
  await runRoom(wb, 'quiet-room');
  await expect(wb.answer()).toHaveText(/^error-app-prevented/, { timeout: 30_000 });
}

test('a folder with node_modules: its npm packages are bundled in the page, it runs as in Node, and an edit is bundled again', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const dialog = await wb.openFolder(FIXTURE);
  const bundled = page.getByTestId('import-bundled');
  await expect(bundled).toContainText('idle-words, words-core', { timeout: 60_000 });
  await expect(bundled).toContainText('5 files read');
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  // The editor gets the app's own files; the bundle is not one of them.
  await expect(page.getByTestId('import-files')).toHaveText('IdleWordsApp.tsapp.jsonpackage.json');
  await page.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(wb.appRow(APP_ID)).toBeVisible();
  await expect(wb.appRow(APP_ID).getByTestId('app-implements')).toContainText('CreatePrevent');
  await expect(page.getByTestId('file-IdleWordsApp.ts')).toBeVisible();
  await expect(page.getByTestId('editor-path')).toContainText('IdleWordsApp.ts');
  await expectNodeOutcomes(wb);

  // Edit the class file: 200 minutes is 3 hours. The page bundles it again before it runs. The
  // one type error typed with it is the only one underlined: the npm imports are not "missing".
  const source = (await import('node:fs')).readFileSync(join(FIXTURE, 'IdleWordsApp.ts'), 'utf8');
  await wb.typeIntoEditor(source.replace('90', '200').replace('return isQuietName', "const typeCheck: number = 'on';\n        return isQuietName"));
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ts-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('code-editor').locator('.squiggly-error')).toHaveCount(1, { timeout: 30_000 });
  await runRoom(wb, 'atrium');
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
  await expectLog(wb, 'ATRIUM MAY STAY IDLE FOR 3 HOURS!');

  // An edit that imports a package the folder does not have: the app row names file, line and module.
  await wb.typeIntoEditor(
    source.replace("import shout = require('idle-words/shout');", "import shout = require('idle-words/shout');\nimport nope = require('nope-pkg');"),
  );
  await expect(wb.appRow(APP_ID).getByTestId('app-load-error')).toContainText(
    '"nope-pkg" is imported by IdleWordsApp.ts:6 but node_modules/nope-pkg is not in the opened folder',
    { timeout: 30_000 },
  );
});

test('after a reload the saved bundle still runs; an edit then says to open the folder again (the page no longer has its node_modules)', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const dialog = await wb.openFolder(FIXTURE);
  await expect(page.getByTestId('import-bundled')).toContainText('idle-words', { timeout: 60_000 });
  await page.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await wb.savedWorkspace(['idle-words-app'], 'hookscope-sources=');
  await page.reload();
  await page.getByTestId('workbench').waitFor();
  await expect(wb.appRow(APP_ID)).toBeVisible();
  await runRoom(wb, 'lobby');
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
  await expectLog(wb, 'LOBBY MAY STAY IDLE FOR 2 HOURS!');
  await wb.selectApp(APP_ID);
  await wb.openFile('IdleWordsApp.ts');
  const source = (await import('node:fs')).readFileSync(join(FIXTURE, 'IdleWordsApp.ts'), 'utf8');
  await wb.typeIntoEditor(source.replace('90', '200'));
  await expect(wb.appRow(APP_ID).getByTestId('app-load-error')).toContainText('open the folder again', { timeout: 30_000 });
});

test('a package missing from node_modules is named with the file, line and module that import it', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const dir = join(tempDir(), 'idle-words-app');
  cpSync(FIXTURE, dir, { recursive: true });
  rmSync(join(dir, 'node_modules/idle-words/node_modules'), { recursive: true });
  await wb.openFolder(dir);
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('node_modules/idle-words/lib/index.cjs:5', { timeout: 60_000 });
  await expect(problems).toContainText(
    '"words-core" is imported by node_modules/idle-words/lib/index.cjs:5 but node_modules/words-core is not in the opened folder',
  );
});

test('the .zip rc-apps package makes is opened, shown and run as it is', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  // What `rc-apps package` writes: app.json and the class file bundled (here by hookscope's Node bundler).
  const app = await loadAppFolder(FIXTURE);
  const js = (app.files[app.bundlePath] ?? '').slice(BUNDLED_MARKER.length);
  const zipPath = join(tempDir(), 'idle-words-app_0.2.0.zip');
  writeFileSync(zipPath, zipSync({ 'app.json': strToU8(JSON.stringify(app.manifest, null, 2)), 'IdleWordsApp.js': strToU8(js) }));
  // "+ New app" -> "From a package (.zip)…" -> the file picker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('add-app').click();
  await page.getByTestId('open-zip').click();
  await (await chooser).setFiles(zipPath);
  const dialog = page.getByTestId('import-dialog');
  await expect(page.getByTestId('import-zip')).toContainText('idle-words-app_0.2.0.zip');
  await expect(page.getByTestId('import-zip')).toContainText('IdleWordsApp.js');
  await expect(dialog).toContainText('Idle Words');
  await page.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(wb.appRow(APP_ID).getByTestId('app-implements')).toContainText('CreatePrevent');
  // The editor shows what the package holds: the bundled class file.
  await expect(page.getByTestId('editor-path')).toContainText('IdleWordsApp.js');
  await expectNodeOutcomes(wb);
});

test('a file that is not a package, and a dropped zip without app.json, are refused with the reason', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const bad = join(tempDir(), 'notes.zip');
  writeFileSync(bad, 'this is not a zip');
  await page.getByTestId('open-zip-input').setInputFiles(bad);
  await expect(page.getByTestId('import-error')).toContainText('package notes.zip: not a readable zip file');
  await page.getByRole('button', { name: 'Close' }).click();
  // Dropped onto the Apps panel: a zip without app.json.
  const bytes = [...zipSync({ 'README.md': strToU8('# hi') })];
  const drop = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'readme.zip', { type: 'application/zip' }));
    return dt;
  }, bytes);
  await page.getByTestId('apps-panel').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.getByTestId('import-error')).toContainText('package readme.zip: there is no app.json in the package');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(wb.appRows()).toHaveCount(1);
});
