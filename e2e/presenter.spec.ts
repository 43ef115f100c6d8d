/** Presenter mode scales the editor and the graph together, and `?present` opens straight into it. */
import { expect, test } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

async function measure(page: import('@playwright/test').Page) {
  const wb = new Workbench(page);
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
  await wb.run();
  const node = page.getByTestId('graph-handler-IPreRoomCreatePrevent-banned-words');
  await expect(node).toBeVisible({ timeout: 30_000 });
  const fontSize = await page.locator('.monaco-editor .view-lines').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const box = await node.boundingBox();
  const answer = await page.getByTestId('run-button').boundingBox();
  return { fontSize, nodeHeight: box?.height ?? 0, buttonHeight: answer?.height ?? 0 };
}

test('presenter mode scales the editor, the graph and the controls; ?present opens in it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('workbench').waitFor();
  const normal = await measure(page);

  await page.goto('/?present');
  await page.getByTestId('workbench').waitFor();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
  const presenting = await measure(page);
  expect(presenting.fontSize).toBeGreaterThanOrEqual(normal.fontSize + 4);
  expect(presenting.buttonHeight).toBeGreaterThan(normal.buttonHeight * 1.1);
  expect(presenting.nodeHeight).toBeGreaterThan(0);
  await expect(page.getByTestId('share-bar')).toBeHidden();

  // The toggle (and Alt+Shift+P) switch it off again.
  await page.keyboard.press('Alt+Shift+KeyP');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
});
