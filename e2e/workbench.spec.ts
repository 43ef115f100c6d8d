import { test, expect } from './fixtures.ts';
import { preventApp, Workbench } from './pages/workbench.ts';

test('a Prevent handler typed into the editor prevents the room', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor(preventApp('App2App', 'secret'));
  await wb.setRoomName('secret-plans');
  await wb.run();
  await expect(wb.answer()).toHaveText('error-app-prevented: A Rocket.Chat App prevented the room creation.');
  await expect(wb.summary()).toContainText('App 2');
  await wb.setRoomName('open-plans');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed');
});

test('reordering two apps changes which one prevents', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor(preventApp('App2App', 'casino'));
  await wb.run();
  await expect(wb.summary()).toContainText('Banned Words prevented');
  await wb.appRow('app-2').getByTestId('app-up').click();
  await expect(wb.appRows().first()).toHaveAttribute('data-testid', 'app-row-app-2');
  await wb.run();
  await expect(wb.summary()).toContainText('App 2 prevented');
  // Disable then enable Banned Words: it moves to the end, as in Rocket.Chat.
  await wb.appRow('app-2').getByTestId('app-enabled').uncheck();
  await wb.appRow('app-2').getByTestId('app-enabled').check();
  await expect(wb.appRows().last()).toHaveAttribute('data-testid', 'app-row-app-2');
  await wb.run();
  await expect(wb.summary()).toContainText('Banned Words prevented');
});

test('an app with a syntax error shows its error while the others still run', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor('export class App2App extends App {\n    oops(\n');
  await wb.run();
  await expect(wb.answer()).toHaveText(/^error-app-prevented/);
  await expect(page.getByTestId('run-unloadable')).toContainText('App 2');
  await expect(wb.appRow('app-2').getByTestId('app-load-error')).toBeVisible();
  await expect(page.getByTestId('app-load-error-full')).toContainText('App2App.ts');
});

test('reload finds apps, files, order, world and the form as they were', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  const code = preventApp('App2App', 'nope');
  await wb.typeIntoEditor(code);
  await wb.appRow('app-2').getByTestId('app-up').click();
  await wb.setRoomName('book-club');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed');
  await page.waitForTimeout(800); // autosave is debounced
  await page.reload();
  await page.getByTestId('workbench').waitFor();
  await expect(wb.appRows()).toHaveCount(2);
  await expect(wb.appRows().first()).toHaveAttribute('data-testid', 'app-row-app-2');
  await expect(page.getByTestId('room-name')).toHaveValue('book-club');
  await wb.selectApp('app-2');
  await wb.openFile('App2App.ts');
  expect(await wb.editorText()).toContain("includes('nope')");
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('book-club');
});

test('unreadable saved data is reported and kept under a backup key', async ({ page }) => {
  await page.addInitScript(() => {
    if (window !== window.top) return; // the app sandbox iframe has no storage
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hookscope.workspace', '{not json');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const wb = new Workbench(page);
  await wb.open();
  await expect(page.getByTestId('storage-problem')).toContainText('could not be read');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hookscope.workspace.unreadable.')));
  expect(backups).toHaveLength(1);
  await expect(wb.appRow('banned-words')).toBeVisible();
});
