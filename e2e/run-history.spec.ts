import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('time travel: an earlier run brings back its graph and its world; compare two runs', async ({ page }) => {
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  for (const name of ['alpha-room', 'beta-room', 'casino-night']) {
    await wb.setRoomName(name);
    await wb.run();
    await expect(page.getByTestId('run-live-outcome')).toHaveText(/^Run #\d: (completed|prevented)/);
  }
  await expect(run.historyRow(3)).toHaveAttribute('data-outcome', 'prevented');

  await run.historyRow(1).click();
  await expect(page.getByTestId('graph-node-action')).toContainText('alpha-room');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  const banner = page.getByTestId('world-past-banner');
  await expect(banner).toContainText('World after run #1 (read-only) — back to live');
  await expect(page.getByTestId('world-tab')).toContainText('alpha-room');
  await expect(page.getByTestId('world-tab')).not.toContainText('beta-room');
  await run.shoot('time-travel');

  // Arrow keys move through the history: up is the newer run.
  await run.historyRow(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(run.historyRow(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('graph-node-action')).toContainText('beta-room');
  await expect(banner).toContainText('World after run #2');
  await expect(page.getByTestId('world-tab')).toContainText('beta-room');

  await page.getByTestId('world-back-to-live').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('graph-node-action')).toContainText('casino-night');

  // Compare the first and the last run side by side.
  await page.getByTestId('history-compare-1').click();
  await expect(page.getByTestId('compare-diff')).toHaveText('#1 completed · #3 prevented by Banned Words');
  await expect(page.getByTestId('compare-view').getByTestId('run-graph')).toHaveCount(2);
  await run.shoot('compare');
});

test('run again and replay the session against edited code', async ({ page }) => {
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await wb.setRoomName('book-club');
  await wb.run();
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  await wb.setRoomName('casino-night');
  await wb.run();
  await expect(run.outcome()).toHaveAttribute('data-state', 'prevented');

  await wb.openFile('lib/banned.ts');
  await wb.typeIntoEditor(
    "export const BANNED_WORDS = ['book'];\nexport function findBannedWord(name: string): string | undefined {\n    return BANNED_WORDS.find((word) => name.includes(word));\n}\n",
  );
  await page.getByTestId('replay-session').click();
  await expect(page.getByTestId('replay-summary')).toContainText('Replayed 2 runs', { timeout: 20_000 });
  await expect(page.getByTestId('replay-row-1')).toHaveText(/run 1 was completed, now prevented by Banned Words/);
  await expect(page.getByTestId('replay-row-2')).toHaveText(/run 2 was prevented by Banned Words, now completed/);
  await run.shoot('replay');
  // The live world was not touched by the replay: book-club exists, casino-night does not.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('book-club');

  // Run again: run 2's action with the current code (casino is no longer banned).
  await run.historyRow(2).click();
  await page.getByTestId('run-again').click();
  await expect(run.historyRow(3)).toHaveAttribute('data-outcome', 'completed');
  await expect(page.getByTestId('graph-node-action')).toContainText('casino-night');
});
