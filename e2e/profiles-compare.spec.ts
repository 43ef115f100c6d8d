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
  for (const profile of ['rc-8.8', 'rc-7.5-8.7', 'rc-6.x-7.4', 'rc-up-to-6.4']) {
    await expect(dialog.getByTestId(`profile-run-${profile}`)).toHaveAttribute('data-outcome', 'completed');
  }
  // The Modify app makes announce-* rooms read-only: applied on current, discarded on deno-1.43.
  const readOnly = dialog.getByTestId('profile-diff-room.isReadOnly');
  await expect(readOnly).toBeVisible();
  await expect(readOnly).toContainText('#35342');
  await expect(dialog.getByTestId('profile-run-rc-7.5-8.7')).toContainText('room: announce-launch');
  // The live world was not touched by the comparison.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page
    .getByTestId('side-tab-world')
    .click()
    .catch(() => undefined);
  await expect(page.getByTestId('world-room-row-announce-launch')).toHaveCount(0);
});

test('the run, its graph and the inspector say which profile the run used', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  await wb.open();
  await page.getByTestId('profile-select').selectOption('rc-6.x-7.4');
  await wb.run();
  await expect(page.getByTestId('run-profile')).toHaveText('rc-6.x-7.4', { timeout: 30_000 });
  await expect(page.getByTestId('graph-action-profile')).toContainText('rc-6.x-7.4');
  await page.getByTestId('graph-handler-IPreRoomCreatePrevent-banned-words').click();
  await expect(page.getByTestId('inspector-profile')).toHaveText('profile: rc-6.x-7.4');
});
