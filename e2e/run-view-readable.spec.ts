/**
 * The run view as a person reads it on a laptop (1280x800), a desktop (1920x1080) and a projector
 * (presenter mode, 1280x720): the graph's text is at least 12 px on screen at fit view (18 px when
 * presenting), the outcome stays in view, nothing is wider than the window, and each node says
 * what it did.
 */
import { expect, test } from './fixtures.ts';
import { clippedGraphText, focusableNode, inside, inWindow, shot, smallestGraphText, widerThanWindow } from './pages/readability.ts';
import { FIVE_APPS, TEN_APPS, loadAndRun } from './pages/run-view-scenarios.ts';

const FIVE_SAYS: [string, string, string][] = [
  ['IPreRoomCreatePrevent', 'banned-words-filter', 'let it through (returned false)'],
  ['IPreRoomCreatePrevent', 'quota-guard', 'let it through (returned false)'],
  ['IPreRoomCreateExtend', 'department-tagger', 'added customFields.department'],
  ['IPreRoomCreateModify', 'team-renamer', 'renamed to team-alpha-team'],
  ['IPostRoomCreate', 'welcome-bot', 'ran'],
];

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`${size.width}x${size.height}, five apps: the whole graph fits at fit view, text >= 12 px, each node says what it did`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const { run } = await loadAndRun(page, FIVE_APPS(), 'alpha-team');
    await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
    for (const [event, app, says] of FIVE_SAYS) await expect(run.handler(event, app).getByTestId('graph-node-says')).toHaveText(says);
    await expect(run.handler('IPostRoomCreate', 'welcome-bot')).toHaveAttribute('data-state', 'returned');
    // Fit view (what the page shows after a run, and the fit button).
    await page.locator('.react-flow__controls-fitview').click();
    // Fit view animates: wait until the canvas has settled at its fit zoom.
    await expect.poll(() => smallestGraphText(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    const canvas = page.locator('.hs-graph-canvas');
    for (const [event, app] of FIVE_SAYS) expect(await inside(run.handler(event, app), canvas), `${app} in view`).toBe(true);
    expect(await inWindow(page, run.outcome())).toBe(true);
    await expect(run.outcome().getByTestId('graph-outcome-why')).toContainText('Department Tagger (Extend) added customFields.department');
    expect(await widerThanWindow(page)).toEqual([]);
    expect(await clippedGraphText(page)).toEqual([]);
    // The full app name is there on hover (the node's title) even when the node abbreviates it.
    await expect(run.handler('IPreRoomCreatePrevent', 'banned-words-filter')).toHaveAttribute('title', /^Banned Words Filter · executePreRoomCreatePrevent/);
    await shot(page, `five-apps-${size.width}x${size.height}`);
  });
}

test('1280x800, ten apps: the graph scrolls sideways at a readable size and the outcome stays in view', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { run } = await loadAndRun(page, TEN_APPS(), 'beta-team');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  expect(await smallestGraphText(page)).toBeGreaterThanOrEqual(12);
  expect(await inWindow(page, run.outcome())).toBe(true);
  const canvas = page.locator('.hs-graph-canvas');
  const last = run.handler('IPreRoomCreatePrevent', 'holiday-freeze');
  expect(await inside(last, canvas)).toBe(false);
  await shot(page, 'ten-apps-1280x800');
  // Arrow keys walk the lane; the canvas follows the focused node; the outcome never moves.
  await focusableNode(page, 'IPreRoomCreatePrevent', 'banned-words-filter').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(focusableNode(page, 'IPreRoomCreatePrevent', 'holiday-freeze')).toBeFocused();
  await expect.poll(() => inside(last, canvas)).toBe(true);
  expect(await inWindow(page, run.outcome())).toBe(true);
  expect(await smallestGraphText(page)).toBeGreaterThanOrEqual(12);
  expect(await widerThanWindow(page)).toEqual([]);
  await shot(page, 'ten-apps-1280x800-scrolled');
});

test('presenter mode at 1280x720: graph text >= 18 px, the outcome in view, no horizontal scroll', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const { run } = await loadAndRun(page, FIVE_APPS(), 'casino-night', '/?present');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(run.outcome()).toHaveAttribute('data-state', 'prevented');
  expect(await smallestGraphText(page)).toBeGreaterThanOrEqual(18);
  expect(await inWindow(page, run.outcome())).toBe(true);
  expect(await widerThanWindow(page)).toEqual([]);
  expect(await clippedGraphText(page)).toEqual([]);
  await expect(page.getByTestId('theme-toggle')).toBeInViewport();
  await expect(page.getByTestId('presenter-toggle')).toBeInViewport();
  await shot(page, 'presenter-1280x720');
});
