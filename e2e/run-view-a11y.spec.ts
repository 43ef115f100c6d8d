/**
 * Keyboard and accessibility of the run view: a skip link, Tab leaves Monaco (Esc, Tab), Enter on a
 * graph node opens it in the inspector, and axe finds no serious or critical violation in either theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { focusableNode } from './pages/readability.ts';
import { Workbench } from './pages/workbench.ts';

test('keyboard: skip link, leaving the editor, Enter on a node opens the inspector', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
  // The first Tab of the page shows the skip link.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await expect(page.getByTestId('skip-link')).toBeInViewport();
  await wb.run();
  await expect(run.outcome()).toHaveAttribute('data-state', 'prevented', { timeout: 30_000 });
  // Inside Monaco, Tab indents; Esc then Tab moves on, and the hint says so.
  await page.locator('.monaco-editor .view-lines').click();
  await expect(page.getByTestId('editor-tab-hint')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.monaco-editor textarea')).not.toBeFocused();
  // Enter on a focused node opens it.
  const node = focusableNode(page, 'IPreRoomCreatePrevent', 'banned-words');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(run.inspector()).toHaveAttribute('data-node-id', 'handler:IPreRoomCreatePrevent:banned-words');
});

for (const theme of ['dark', 'light'] as const) {
  test(`axe: no serious or critical violations after a run (${theme} theme)`, async ({ page }) => {
    test.setTimeout(90_000);
    const wb = new Workbench(page);
    const run = new RunArea(page);
    await wb.open();
    if ((await page.evaluate(() => document.documentElement.dataset['theme'])) !== theme) await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await wb.run();
    await expect(run.outcome()).toHaveAttribute('data-state', 'prevented', { timeout: 30_000 });
    await run.handler('IPreRoomCreatePrevent', 'banned-words').click();
    await expect(run.inspector()).toBeVisible();
    // Monaco's own DOM is a third-party widget with its own accessibility model.
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 4)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}

for (const theme of ['dark', 'light'] as const) {
  test(`axe: the World panel's Permissions tab reads in the ${theme} theme (tabs, table, role chips)`, async ({ page }) => {
    test.setTimeout(90_000);
    const wb = new Workbench(page);
    await wb.open();
    if ((await page.evaluate(() => document.documentElement.dataset['theme'])) !== theme) await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByTestId('side-tab-world').click();
    await page.getByTestId('world-tab-permissions').click();
    await expect(page.getByTestId('world-permission-create-c')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.hsw-panel').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 4)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
