/**
 * Compare across profiles (issue 7): a Modify app's change lands on "current" only; the compare
 * view shows it side by side with the rule responsible.
 */
import { expect, test } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

test('a Modify change that only lands on current, side by side with the rule responsible', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  await wb.open();
  await page.getByTestId('add-app').click();
  await page.getByTestId('add-template-pre-room-create-modify').click();
  await wb.setRoomName('announce-launch');
  await page.getByTestId('compare-profiles').click();
  const dialog = page.getByTestId('profile-compare-dialog');
  await expect(dialog.getByTestId('profile-compare')).toBeVisible({ timeout: 60_000 });
  for (const profile of ['current', 'deno-1.43', 'legacy']) {
    await expect(dialog.getByTestId(`profile-run-${profile}`)).toHaveAttribute('data-outcome', 'completed');
  }
  // The Modify app makes announce-* rooms read-only: applied on current, discarded on deno-1.43.
  const readOnly = dialog.getByTestId('profile-diff-room.isReadOnly');
  await expect(readOnly).toBeVisible();
  await expect(readOnly).toContainText('#35342');
  await expect(dialog.getByTestId('profile-run-current')).toContainText('room: announce-launch');
  // The live world was not touched by the comparison.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('side-tab-world').click().catch(() => undefined);
  await expect(page.getByTestId('world-room-row-announce-launch')).toHaveCount(0);
});

test('the run, its graph and the inspector say which profile the run used', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  await wb.open();
  await page.getByTestId('profile-select').selectOption('deno-1.43');
  await wb.run();
  await expect(page.getByTestId('run-profile')).toHaveText('deno-1.43', { timeout: 30_000 });
  await expect(page.getByTestId('graph-action-profile')).toContainText('deno-1.43');
  await page.getByTestId('graph-handler-IPreRoomCreatePrevent-banned-words').click();
  await expect(page.getByTestId('inspector-profile')).toHaveText('profile: deno-1.43');
});
