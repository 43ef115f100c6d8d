import { test, expect } from './fixtures.ts';

test.describe('first page', () => {
  test('shows the title and what hookscope is, without console errors', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');

    await expect(page).toHaveTitle('hookscope');
    await expect(page.getByTestId('app-title')).toHaveText('hookscope');
    await expect(page.getByTestId('app-tagline')).toContainText(
      'visual debugger for Rocket.Chat Apps-Engine room event handlers',
    );

    // Let late errors (failed module loads, effects) surface before checking.
    await page.waitForLoadState('networkidle');
    expect(consoleErrors).toEqual([]);
  });
});
