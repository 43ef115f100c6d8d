/** Presenter mode scales the editor and the graph together, and `?present` opens straight into it. */
import { expect, test } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';
import { smallestGraphText } from './pages/readability.ts';

async function measure(page: import('@playwright/test').Page) {
  const wb = new Workbench(page);
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
  await wb.run();
  const node = page.getByTestId('graph-handler-IPreRoomCreatePrevent-banned-words');
  await expect(node).toBeVisible({ timeout: 30_000 });
  const fontSize = await page
    .locator('.monaco-editor .view-lines')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
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

test('presenting at 1280x720, Focus run gives the graph the window and Show editor brings the code back', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?present');
  const wb = new Workbench(page);
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
  // Type at the end of the class file (an edit Focus run must not lose).
  await page.getByTestId('editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n// focus check');
  await wb.run();
  await expect(page.getByTestId('graph-outcome')).not.toHaveAttribute('data-state', 'pending', { timeout: 30_000 });
  const postLane = page.getByTestId('graph-phase-IPostRoomCreate');
  const inView = async () => {
    const box = await postLane.boundingBox();
    return box !== null && box.y + box.height <= 720;
  };
  // At 1280x720 in presenter mode the Post create lane is below the fold...
  expect(await inView()).toBe(false);

  await page.getByTestId('run-focus').click();
  await expect(page.getByTestId('run-focus')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('code-editor')).toBeHidden();
  // ...and with the run focused every lane of the pipeline is on screen, still at presenter size.
  await expect.poll(inView, { timeout: 10_000 }).toBe(true);
  expect(await smallestGraphText(page)).toBeGreaterThanOrEqual(18);

  await page.getByTestId('run-focus').click();
  await expect(page.getByTestId('run-focus')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('code-editor')).toBeVisible();
  expect(await wb.editorText()).toContain('// focus check');
});
