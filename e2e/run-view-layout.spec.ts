/**
 * Layout a person checks on a laptop (1280x800) and a projector (presenter mode, 1280x720): the
 * "+ New app" button and its menu inside the window, the timeout presets whole ("Demo 3 s"), the
 * inspector's status badge clear of the profile line, the field changes of a Modify inside the
 * inspector (no cut columns), and nothing wider than the window.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { inWindow, shot, widerThanWindow } from './pages/readability.ts';
import { FIVE_APPS } from './pages/run-view-scenarios.ts';
import { SharePage } from './pages/share.ts';
import { Workbench } from './pages/workbench.ts';

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not drawn');
  return b;
}
const within = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether the element's own content is cut: wider than its box, or its box reaching past an ancestor that clips it. */
async function clipped(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    if (el.scrollWidth > el.clientWidth + 1) return true;
    const r = el.getBoundingClientRect();
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'visible') continue;
      const q = p.getBoundingClientRect();
      if (r.left < q.left - 0.5 || r.right > q.right + 0.5) return true;
    }
    return false;
  });
}

for (const mode of [
  { name: '1280x800', size: { width: 1280, height: 800 }, url: '/' },
  { name: 'presenter 1280x720', size: { width: 1280, height: 720 }, url: '/?present' },
]) {
  test(`${mode.name}: New app, its menu, the timeout presets, the inspector badge and field changes are whole`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(mode.size);
    await page.goto(mode.url);
    await page.getByTestId('workbench').waitFor();

    const add = page.getByTestId('add-app');
    expect(await inWindow(page, add)).toBe(true);
    expect(await clipped(add)).toBe(false);
    await add.click();
    const menu = page.getByTestId('add-app-menu');
    await expect(menu).toBeVisible();
    expect(await inWindow(page, menu)).toBe(true);
    await expect(page.getByTestId('add-blank-app')).toBeInViewport({ ratio: 1 });
    await shot(page, `layout-new-app-${mode.url === '/' ? 'laptop' : 'presenter'}`);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    for (const name of [/^Default 30 s$/, /^Demo 3 s$/]) {
      const preset = page.getByRole('radio', { name });
      await expect(preset).toBeVisible();
      expect(await clipped(preset), `${name} whole`).toBe(false);
    }

    await new SharePage(page).importFile('workspace.hookscope.json', FIVE_APPS());
    await page.getByTestId('safe-load').click();
    const wb = new Workbench(page);
    await wb.setRoomName('alpha-team');
    await wb.run();
    const run = new RunArea(page);
    await expect(run.outcome()).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });

    // Open the Modify node from the keyboard (the graph may scroll it out of view in presenter mode).
    await page.locator('.react-flow__node[data-id="handler:IPreRoomCreateModify:team-renamer"]').focus();
    await page.keyboard.press('Enter');
    const insp = run.inspector();
    await expect(insp).toHaveAttribute('data-node-id', 'handler:IPreRoomCreateModify:team-renamer');
    const badge = insp.locator('.hs-insp-state');
    const profile = insp.getByTestId('inspector-profile');
    await expect(badge).toHaveText('returned');
    expect(overlap(await box(badge), await box(profile)), 'badge clear of the profile line').toBe(false);
    expect(within(await box(badge), await box(insp)), 'badge inside the inspector').toBe(true);
    const field = insp.getByTestId('inspector-field-slugifiedName');
    await expect(field).toContainText('"team-alpha-team"');
    await expect(field).toContainText('applied');
    expect(within(await box(field), await box(insp)), 'field row inside the inspector').toBe(true);
    expect(await clipped(field)).toBe(false);
    expect(await insp.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'inspector does not scroll sideways').toBe(true);
    expect(await widerThanWindow(page)).toEqual([]);
    await shot(page, `layout-inspector-${mode.url === '/' ? 'laptop' : 'presenter'}`);
  });
}
