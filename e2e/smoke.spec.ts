import { test, expect } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

test('first open: the default workspace prevents the pre-filled room in one click', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await expect(page).toHaveTitle('hookscope');
  await expect(page.getByTestId('app-title')).toHaveText('hookscope');
  await expect(page.getByTestId('first-hint')).toBeVisible();
  await expect(page.getByTestId('room-name')).toHaveValue('casino-night');
  await wb.run();
  await expect(wb.answer()).toHaveText(/^error-app-prevented: /);
  await expect(wb.summary()).toContainText('Banned Words');
  await expect(wb.appRow('banned-words').getByTestId('app-implements')).toContainText('CreatePrevent');
});
