/** Share links: open in a fresh browser, nothing runs until asked; bad links leave the workspace alone. */
import { expect, test } from './fixtures.ts';
import { SharePage } from './pages/share.ts';
import { Workbench } from './pages/workbench.ts';

test('a shared workspace opens in a fresh browser in the safe view, shows the code and runs only when asked', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const share = new SharePage(page);
  await new Workbench(page).open();
  await share.openExample('guest-blocked');
  await share.runExampleStep(0, { action: 'joinRoom', room: 'general', user: 'gus' });
  const link = await share.shareLink(true);
  expect(link).toMatch(/#share=v1\.[A-Za-z0-9_-]+$/);
  console.log(`[share] link of the guest-blocked example with one run: ${link.length} characters`);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(e.message));
  const wb = new Workbench(fresh);
  await fresh.goto(link);
  const freshShare = new SharePage(fresh);
  await expect(freshShare.safeView()).toBeVisible();
  await expect(fresh.getByTestId('safe-banner')).toHaveText(
    'Shared workspace: 1 app — code has not run. Review it, then Run / Load into my workspace / Discard.',
  );
  await expect(fresh.getByTestId('safe-code')).toContainText('export class NoGuestsApp extends App implements IPreRoomUserJoined');
  await expect(fresh.getByTestId('safe-runs')).toContainText('gus joins general');
  await expect(fresh.getByTestId('safe-runs')).toContainText('error-app-prevented: Guests need an invitation to join #general');
  // Nothing ran: no run in the history, no answer, and the shared app is not in the workspace (so not in the engine).
  await fresh.waitForTimeout(1500);
  await expect(fresh.getByTestId('run-answer')).toHaveCount(0);
  await expect(fresh.getByTestId('first-hint')).toHaveCount(1);
  await expect(wb.appRow('no-guests')).toHaveCount(0);
  expect(await fresh.evaluate(() => localStorage.getItem('hookscope.workspace') ?? '')).not.toContain('NoGuestsApp');

  await fresh.getByTestId('safe-run').click();
  await expect(freshShare.safeView()).toBeHidden();
  await expect(wb.appRow('no-guests')).toBeVisible();
  await expect(fresh.getByTestId('run-answer')).toHaveText('error-app-prevented: Guests need an invitation to join #general', { timeout: 15_000 });
  expect(new URL(fresh.url()).hash).toBe('');
  expect(errors).toEqual([]);
  await context.close();
});

test('Discard leaves the workspace as it was; Load makes it the workspace without running', async ({ page }) => {
  const share = new SharePage(page);
  const wb = new Workbench(page);
  await wb.open();
  await share.openExample('welcome-on-join');
  const link = await share.shareLink(false);
  await page.goto('/');
  // Autosave flushes on pagehide: clear again after it, or the reload restores what was there.
  await page.evaluate(() => {
    localStorage.clear();
    window.addEventListener('pagehide', () => localStorage.clear());
  });
  await page.reload();
  await expect(wb.appRow('banned-words')).toBeVisible();
  await page.goto(link);
  await expect(share.safeView()).toBeVisible();
  await expect(page.getByTestId('safe-runs-none')).toBeVisible();
  await page.getByTestId('safe-discard').click();
  await expect(share.safeView()).toBeHidden();
  await expect(wb.appRow('banned-words')).toBeVisible();
  await expect(wb.appRow('welcome')).toHaveCount(0);
  await page.goto('/');
  await page.goto(link);
  await page.getByTestId('safe-load').click();
  await expect(wb.appRow('welcome')).toBeVisible();
  await expect(wb.appRows()).toHaveCount(1);
  await expect(page.getByTestId('run-answer')).toHaveCount(0);
});

const BAD_LINKS: [string, RegExp][] = [
  ['v1.AAAAxyz', /^The link is cut off: expected \d+ bytes of data, got \d+/],
  ['hello-world', /^This is not a hookscope link/],
  ['v7.AAAA', /made by a newer version of hookscope \(format v7\)/],
];

test('malformed, truncated and future links say what is wrong and leave the workspace untouched', async ({ page }) => {
  const share = new SharePage(page);
  const wb = new Workbench(page);
  await wb.open();
  await wb.setRoomName('my-own-room');
  const good = await share.shareLink(false);
  const cut = good.slice(0, good.length - 40);
  const saved = await wb.savedWorkspace(['banned-words'], 'my-own-room');
  for (const [token, message] of [
    [cut.split('#share=')[1]!, /^The link is cut off: expected \d+ bytes of data, got \d+\. Copy the whole link again\.$/] as [string, RegExp],
    ...BAD_LINKS,
  ]) {
    await page.goto(`/#share=${token}`);
    await expect(share.problem()).toBeVisible();
    await expect(page.getByTestId('share-problem-title')).toHaveText('This share link cannot be opened. Your workspace is unchanged.');
    await expect(share.problem().locator('li').first()).toHaveText(message);
    await expect(share.safeView()).toHaveCount(0);
    await expect(wb.appRows()).toHaveCount(1);
    await expect(page.getByTestId('room-name')).toHaveValue('my-own-room');
    await page.getByTestId('share-problem-close').click();
  }
  expect(await page.evaluate(() => localStorage.getItem('hookscope.workspace'))).toBe(saved);
});
