/**
 * Spec 7.2 in the browser, with the fixture projects of fixtures/lifecycle opened as a user opens
 * an app folder (the same projects src/engine/lifecycle.integration.test.ts and
 * after-return.integration.test.ts run in Node, with the same expected outcomes):
 * - greeter: reads its declared settings and finds its bot user `greeter.bot` in onEnable, then greets;
 * - enable-refused: onEnable returns false, so it is not enabled and its Prevent never runs;
 * - regex-guard: regex literals with braces above the class do not hide its `implements`;
 * - unawaited-sends: work started without await still lands (messages, fetch + persistence).
 */
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

test.describe.configure({ timeout: 120_000 });

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/lifecycle/${name}`, import.meta.url));

async function openFixture(wb: Workbench, name: string, appId: string): Promise<void> {
  const dialog = await wb.openFolder(fixture(name));
  await wb.page.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(wb.appRow(appId)).toBeVisible();
}

async function worldMessages(wb: Workbench) {
  await wb.page.getByTestId('side-tab-world').click();
  await wb.page.getByTestId('world-tab-messages').click();
  return wb.page.getByTestId('world-tab');
}

async function backToActions(wb: Workbench): Promise<void> {
  await wb.page.getByTestId('side-tab-actions').click();
}

test('greeter: its settings and its bot user are there in onEnable, so it greets each new room as greeter.bot', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await openFixture(wb, 'greeter', 'fixture-greeter');
  await expect(wb.appRow('fixture-greeter').getByTestId('app-not-enabled')).toHaveCount(0);
  await wb.setRoomName('garden');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 20_000 });
  const messages = await worldMessages(wb);
  await expect(messages).toContainText('Welcome to garden!', { timeout: 20_000 });
  await expect(messages).toContainText('greeter.bot');
});

test('enable-refused: onEnable returns false, the app is shown as not enabled and never prevents', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await openFixture(wb, 'enable-refused', 'fixture-enable-refused');
  await expect(wb.appRow('fixture-enable-refused').getByTestId('app-not-enabled')).toContainText('not enabled', { timeout: 20_000 });
  await wb.setRoomName('open-room');
  await wb.run();
  // Its executePreRoomCreatePrevent returns true for every room: were it called, this would be prevented.
  await expect(wb.answer()).toHaveText('completed', { timeout: 20_000 });
});

test('regex-guard: regex literals with braces above the class, implements still read, the guard prevents', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await openFixture(wb, 'regex-guard', 'fixture-regex-guard');
  await expect(wb.appRow('fixture-regex-guard').getByTestId('app-implements')).toContainText('CreatePrevent');
  await wb.setRoomName('blocked-room');
  await wb.run();
  await expect(wb.answer()).toHaveText(/^error-app-prevented/, { timeout: 20_000 });
  await wb.setRoomName('fine-room');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 20_000 });
});

test('unawaited-sends: the send, the .then() chain (fetch, store) and forEach(async) all land after the handler returned', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await openFixture(wb, 'unawaited-sends', 'fixture-unawaited');

  // The .then() chain fetches https://tips.example/today: answer it with an HTTP mock.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-http').click();
  await page.getByTestId('world-add-mock').click();
  await page.getByTestId('world-mock-url').fill('https://tips.example/today');
  await page.getByTestId('world-mock-status').fill('200');
  await page.getByTestId('world-mock-body').fill(JSON.stringify({ tip: 'water the plants' }));
  await page.getByTestId('world-mock-save').click();
  await expect(page.getByTestId('world-mock-row-0')).toContainText('tips.example');
  await backToActions(wb);

  await wb.setRoomName('bustle');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 20_000 });
  const messages = await worldMessages(wb);
  for (const text of ['first, not awaited', 'forEach one', 'forEach two', 'tip stored']) {
    await expect(messages).toContainText(text, { timeout: 20_000 });
  }
  await page.getByTestId('world-tab-persistence').click();
  await expect(page.getByTestId('world-tab')).toContainText('water the plants');
});
