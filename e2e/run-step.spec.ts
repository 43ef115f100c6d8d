import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const PREVENT = 'IPreRoomCreatePrevent';

test('step mode advances one handler at a time (F10 and the Step button)', async ({ page }) => {
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await wb.addBlankApp();
  await page.getByTestId('step-mode').click();
  await expect(page.getByTestId('step-mode')).toHaveAttribute('aria-pressed', 'true');
  await wb.setRoomName('book-club');
  await wb.run();

  await expect(run.handler(PREVENT, 'banned-words')).toHaveAttribute('data-state', 'paused');
  await expect(run.handler(PREVENT, 'app-2')).toHaveAttribute('data-state', 'pending');
  await expect(run.outcome()).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('step-next')).toHaveAttribute('title', /F10/);
  await run.shoot('step-paused');

  await page.keyboard.press('F10');
  await expect(run.handler(PREVENT, 'banned-words')).toHaveAttribute('data-state', 'returned');
  await expect(run.handler(PREVENT, 'app-2')).toHaveAttribute('data-state', 'paused');
  await expect(run.outcome()).toHaveAttribute('data-state', 'pending');

  await page.getByTestId('step-next').click();
  await expect(run.handler(PREVENT, 'app-2')).toHaveAttribute('data-state', 'returned');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');

  // Continue (F8) lets the rest of a run go without pausing.
  await wb.setRoomName('second-room');
  await wb.run();
  await expect(run.handler(PREVENT, 'banned-words')).toHaveAttribute('data-state', 'paused');
  await page.keyboard.press('F8');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
});
