/** Stop ends a stuck handler; timeouts and restarts show in the runtime-problems indicator. */
import { test, expect } from './fixtures.ts';
import { loopingApp, tickingApp, Workbench } from './pages/workbench.ts';

async function addLoopingApp(wb: Workbench): Promise<void> {
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor(loopingApp('App2App'));
}

test('Stop ends a run stuck in for(;;){} within a second; world and code are intact', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await expect(page.getByTestId('timeout-input')).toHaveValue('30000');
  await addLoopingApp(wb);
  await wb.setRoomName('loop-room');
  await wb.run();
  const stop = page.getByTestId('stop-button');
  await expect(stop).toBeVisible();
  await expect(page.getByTestId('topbar-stop')).toBeVisible();
  await expect(stop).toHaveAttribute('title', /Esc/);
  await page.waitForTimeout(300); // the handler is really stuck
  // Measured in the page, from the click to the answer (the looping worker keeps a core busy,
  // so Playwright's own round trips are not what is being measured).
  await page.evaluate(() => {
    const w = window as unknown as { stopAt?: number; answeredAt?: number };
    document.querySelector('[data-testid="stop-button"]')?.addEventListener('click', () => (w.stopAt = performance.now()), { capture: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="run-answer"]')?.textContent === 'completed') {
        w.answeredAt = performance.now();
        obs.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await stop.click();
  await expect(wb.answer()).toHaveText('completed', { timeout: 5_000 });
  const ms = await page.evaluate(() => {
    const w = window as unknown as { stopAt?: number; answeredAt?: number };
    return (w.answeredAt ?? Infinity) - (w.stopAt ?? 0);
  });
  expect(ms).toBeLessThan(1_000);
  await expect(page.getByTestId('run-cut-off')).toContainText('Stopped App 2 · executePreRoomCreatePrevent');
  await expect(stop).toBeHidden();
  // The world keeps what it had and what the run committed; the code is untouched.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('general');
  await expect(page.getByTestId('world-tab')).toContainText('loop-room');
  expect(await wb.editorText()).toContain('for (;;) {}');
  // Stopping restarted the worker: information, not an error.
  await expect(page.getByTestId('runtime-problems')).toHaveText(/1 worker restarted/);
  // Esc stops too, and the app runs again after the restart.
  await page.getByTestId('side-tab-actions').click();
  await wb.setRoomName('loop-room-2');
  await wb.run();
  await expect(stop).toBeVisible();
  await page.locator('.topbar-title').click();
  await page.keyboard.press('Escape');
  await expect(wb.answer()).toHaveText('completed', { timeout: 5_000 });
});

test("Stop stays offered while a handler's interval keeps running after the run, and ends it", async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor(tickingApp('App2App'));
  await wb.setRoomName('tick-room');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed');
  // The run is over, yet App 2's interval keeps running: Stop says so and stays.
  const stop = page.getByTestId('stop-button');
  await expect(stop).toBeVisible();
  await expect(stop).toHaveAttribute('title', /^Stop the timers App 2 keeps running with no call in progress/);
  await expect(page.getByTestId('topbar-stop')).toBeVisible();
  await stop.click();
  await expect(stop).toBeHidden();
  await expect(page.getByTestId('topbar-stop')).toBeHidden();
  const pill = page.getByTestId('runtime-problems');
  await expect(pill).toHaveText(/1 worker restarted/);
  await pill.click();
  await expect(page.getByTestId('runtime-problems-list')).toContainText('the timers it kept running with no call in progress were ended');
  await expect(page.getByTestId('runtime-problems-list')).toContainText('App 2');
  // The code is intact and the app runs again (leaving a new interval, so Stop comes back).
  expect(await wb.editorText()).toContain('setInterval');
  await page.keyboard.press('Escape');
  await wb.setRoomName('tick-room-2');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed');
  await expect(stop).toBeVisible();
  // Esc stops it too.
  await page.locator('.topbar-title').click();
  await page.keyboard.press('Escape');
  await expect(stop).toBeHidden();
});

test('a timeout restarts the worker and the indicator lists it as information', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.setTimeoutMs(1000);
  await addLoopingApp(wb);
  await wb.setRoomName('slow-room');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 5_000 });
  await expect(page.getByTestId('run-cut-off')).toContainText('Timed out: App 2');
  const pill = page.getByTestId('runtime-problems');
  await expect(pill).toHaveText(/1 worker restarted/, { timeout: 5_000 });
  await expect(pill).toHaveClass(/is-info/);
  await pill.click();
  const list = page.getByTestId('runtime-problems-list');
  await expect(list).toContainText('timed out after 1000 ms');
  await expect(list).toContainText('App 2');
  await list.getByRole('button', { name: 'Dismiss' }).click();
  await expect(pill).toBeHidden();
});

test('the profile selector lists every available profile', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const select = page.getByTestId('profile-select');
  await expect(select.locator('option')).toHaveText([
    /^Rocket\.Chat 8\.8/,
    /^Rocket\.Chat 7\.5 - 8\.7/,
    /^Rocket\.Chat 6\.x - 7\.4/,
    /^Rocket\.Chat up to 6\.4/,
  ]);
  await select.selectOption('rc-up-to-6.4');
  await expect(page.getByTestId('timeout-input')).toHaveValue('1000');
  await wb.run();
  await expect(wb.answer()).toHaveText(/^error-app-prevented/);
});
