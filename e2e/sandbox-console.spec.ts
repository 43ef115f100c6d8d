/**
 * Console floods: an endless `console.log` loop is cut off by the timeout, a bounded flood of
 * 10 000 lines is capped with "N log lines dropped", and the page stays responsive throughout.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hostileZoo, SandboxPage } from './pages/sandbox.ts';

// Several runs per test on a shared 2-core machine: give each test room.
test.describe.configure({ timeout: 120_000 });

const ZOO = hostileZoo({
  forever: '                for (;;) console.log(1);',
  bounded: "                for (let i = 0; i < 10000; i++) console.log('line', i);\n                return false;",
});

/** The longest gap between animation frames on the page while `during` runs. */
async function longestFrameGap(page: Page, during: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __stop: boolean };
    w.__gaps = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__gaps.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __stop: boolean };
    w.__stop = true;
    return Math.max(0, ...w.__gaps.slice(1));
  });
}

test('for(;;) console.log(1) is cut off by the timeout and the page stays responsive', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 500);
  const gap = await longestFrameGap(page, async () => {
    await s.createRoom('evil-forever');
    await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  });
  await expect(s.latestRun()).toContainText(/executePreRoomCreatePrevent timed-out in \d+ ms/);
  await expect(s.runLog()).toContainText('worker restarted: executePreRoomCreatePrevent timed out after 500 ms');
  // At most the per-call cap of lines reaches the page.
  const lines = await s.latestRun().getByText('console.log 1', { exact: true }).count();
  expect(lines).toBeGreaterThan(0);
  expect(lines).toBeLessThanOrEqual(200);
  expect(gap, 'longest frame gap while the flood ran (ms)').toBeLessThan(2000);
  await s.expectIntact({ editorContains: "'line', i", runsBefore: 1 });
});

test('a bounded flood of 10 000 lines shows "N log lines dropped" and the editor still types', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 1000);
  const gap = await longestFrameGap(page, async () => {
    await s.createRoom('evil-bounded');
    await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  });
  await expect(s.latestRun()).toContainText('console.log line 0');
  await expect(s.latestRun()).toContainText('9800 log lines dropped');
  await expect(s.latestRun()).not.toContainText('console.log line 9999');
  expect(gap, 'longest frame gap while the flood ran (ms)').toBeLessThan(2000);
  // Typing still works right after the flood.
  await s.wb.typeIntoEditor(ZOO.replace("'line', i", "'row', i"));
  expect(await s.wb.editorText()).toContain("'row', i");
  await page.waitForTimeout(800); // the edited app is reloaded (debounced)
  await s.expectIntact({ editorContains: "'row', i", runsBefore: 1 });
});
