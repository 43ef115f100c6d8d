/**
 * A render error in one area of the page shows what failed in that area only (issue 18: "one
 * render error anywhere empties the whole page"). The first test breaks the Console with no help
 * from the app: the page's `Date.prototype.toLocaleTimeString` (which only the Console calls while
 * it renders a run) is made to throw, as a browser extension or an odd engine could. The second
 * breaks each main area in turn through the e2e hook of src/ui/ErrorBoundary.tsx (sessionStorage
 * `hookscope.e2e.break`), since most areas call no browser API of their own while rendering.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

test.describe.configure({ timeout: 180_000 });

// The boundary logs what it caught (and React reports the error): expected here.
// One pattern: an array of several is read by Playwright as a [value, options] fixture tuple.
test.use({ allowedConsoleErrors: [/poisoned by the test|broken on purpose by the e2e suite|failed to render|The above error occurred|error boundary/i] });

const prototypeNames = (page: Page) =>
  page.evaluate(() => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')));

/** Types a marker at the end of the open file; resolves to how long the editor took to show it. */
async function typeAndEcho(wb: Workbench, marker: string, limitMs: number): Promise<number> {
  const lines = wb.page.getByTestId('editor').locator('.view-lines');
  await lines.click();
  await wb.page.keyboard.press('ControlOrMeta+End');
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.insertText(`// ${marker}`);
  const started = Date.now();
  await expect(lines).toContainText(marker, { timeout: limitMs });
  return Date.now() - started;
}

async function runCreateRoom(wb: Workbench, name: string): Promise<void> {
  await wb.setRoomName(name);
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
}

test('a Console that cannot render shows why with Try again; editor, Run, history, world and workspace are intact', async ({ page }) => {
  // The page's clock formatting throws while the test says so (nothing in the app is changed).
  await page.addInitScript(() => {
    const original = Date.prototype.toLocaleTimeString;
    let poisoned = false;
    Object.defineProperty(window, '__poisonClock', { value: (on: boolean) => void (poisoned = on) });
    Date.prototype.toLocaleTimeString = function (this: Date, ...args: Parameters<Date['toLocaleTimeString']>): string {
      if (poisoned) throw new TypeError('toLocaleTimeString is not available here (poisoned by the test)');
      return original.apply(this, args);
    };
  });
  const wb = new Workbench(page);
  await wb.open();
  const protoBefore = await prototypeNames(page);
  await wb.openFile('BannedWordsApp.ts');
  const baseline = await typeAndEcho(wb, 'typing-before', 20_000);
  const limit = Math.max(1000, 3 * baseline);
  await runCreateRoom(wb, 'before-break');

  await page.evaluate(() => (window as unknown as { __poisonClock(on: boolean): void }).__poisonClock(true));
  await page.getByTestId('run-tab-console').click();
  const broken = page.locator('[data-testid="error-boundary"][data-area="console"]');
  await expect(broken).toBeVisible();
  await expect(broken.getByTestId('error-boundary-title')).toHaveText('The console could not be shown');
  await expect(broken.getByTestId('error-boundary-message')).toHaveText('toLocaleTimeString is not available here (poisoned by the test)');
  await expect(broken.getByTestId('error-boundary-retry')).toBeVisible();
  // Only the Console failed.
  await expect(page.getByTestId('error-boundary')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/error-boundary-console.png' });
  for (const id of ['app-list', 'editor', 'action-panel', 'history-filter-text', 'run-tab-graph']) await expect(page.getByTestId(id), id).toBeVisible();
  await expect(page.getByTestId('history-row-1')).toBeVisible();

  // The page still works: typing echoes at once, a Run answers, history and world follow.
  const took = await typeAndEcho(wb, 'typing-while-broken', limit);
  console.log(`[error-boundary] echo ${took} ms with the console broken (baseline ${baseline} ms, limit ${limit} ms)`);
  await expect(wb.appRow('banned-words')).not.toContainText('loading', { timeout: 30_000 });
  await runCreateRoom(wb, 'after-break');
  await expect(page.getByTestId('history-row-2')).toBeVisible();
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('after-break');
  await page.getByTestId('side-tab-actions').click();
  await expect(broken).toBeVisible();

  // Try again, once the cause is gone: the Console shows both runs.
  await page.evaluate(() => (window as unknown as { __poisonClock(on: boolean): void }).__poisonClock(false));
  await broken.getByTestId('error-boundary-retry').click();
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
  await expect(page.getByTestId('run-entry')).toHaveCount(2);
  await expect(page.getByTestId('run-log')).toContainText('after-break');
  await expect(page.getByTestId('run-log')).toContainText('before-break');
  expect(await prototypeNames(page)).toEqual(protoBefore);

  // Reload: the workspace (the code typed while the Console was broken) and the world are saved.
  // Runs are not saved across a reload by design (they live in the page).
  await wb.savedWorkspace(['banned-words'], 'typing-while-broken');
  await page.reload();
  await page.getByTestId('workbench').waitFor();
  await wb.openFile('BannedWordsApp.ts');
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect.poll(() => wb.editorText()).toContain('typing-while-broken');
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('after-break');
  await expect(page.getByTestId('world-tab')).toContainText('before-break');
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
});

/** Each main area: how to show it, and something in it that shows it works again. */
const AREAS: [id: string, words: string, show: (page: Page) => Promise<void>, landmark: string][] = [
  ['apps', 'the apps list', async () => {}, 'app-list'],
  ['editor', 'the editor', async () => {}, 'editor'],
  ['actions', 'the action panel', async () => {}, 'action-panel'],
  ['world', 'the world panel', async (page) => void (await page.getByTestId('side-tab-world').click()), 'world-tab'],
  ['history', 'the run history', async () => {}, 'history-filter-text'],
  ['graph', 'the run graph', async () => {}, 'graph-empty'],
  ['inspector', 'the inspector', async () => {}, 'inspector-empty'],
  ['console', 'the console', async (page) => void (await page.getByTestId('run-tab-console').click()), 'run-log'],
];

/** What must still be there when `broken` fails (the other areas' landmarks). */
const OTHERS = ['app-list', 'editor', 'history-filter-text', 'inspector-empty', 'run-tab-console'];

test('each main area fails alone and comes back with Try again', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const protoBefore = await prototypeNames(page);
  for (const [id, words, show, landmark] of AREAS) {
    await page.evaluate((area) => sessionStorage.setItem('hookscope.e2e.break', area), id);
    await page.reload();
    await page.getByTestId('workbench').waitFor();
    await show(page);
    const broken = page.locator(`[data-testid="error-boundary"][data-area="${id}"]`);
    await expect(broken, id).toBeVisible();
    await expect(broken.getByTestId('error-boundary-title')).toHaveText(`${words[0]!.toUpperCase()}${words.slice(1)} could not be shown`);
    await expect(page.getByTestId('error-boundary'), `${id}: only one area failed`).toHaveCount(1);
    for (const other of OTHERS.filter((o) => o !== landmark)) {
      await expect(page.getByTestId(other), `${other} while ${id} is broken`).toBeVisible();
    }
    // The side panel's tabs stay usable whichever side area broke.
    await expect(page.getByTestId('side-tab-world')).toBeVisible();
    await page.evaluate(() => sessionStorage.removeItem('hookscope.e2e.break'));
    await broken.getByTestId('error-boundary-retry').click();
    await expect(page.getByTestId('error-boundary')).toHaveCount(0);
    await expect(page.getByTestId(landmark), `${id} is back`).toBeVisible();
    if (id === 'world') await page.getByTestId('side-tab-actions').click();
    if (id === 'console') await page.getByTestId('run-tab-graph').click();
  }
  // And with every area back, a Run answers.
  await runCreateRoom(wb, 'all-back');
  expect(await prototypeNames(page)).toEqual(protoBefore);
});
