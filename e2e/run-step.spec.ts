import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const PREVENT = 'IPreRoomCreatePrevent';

test('step mode advances one handler at a time (F10 and the Step button)', async ({ page }) => {
  test.setTimeout(90_000);
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

test('1280x800: a paused call shows the arguments it will receive and its method is highlighted in the editor', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await wb.addBlankApp();
  await page.getByTestId('step-mode').click();
  await wb.setRoomName('book-club');
  await wb.run();

  // Paused before Banned Words: its node is selected and the inspector shows the pending call.
  await expect(run.handler(PREVENT, 'banned-words')).toHaveAttribute('data-state', 'paused');
  await expect(run.inspector()).toHaveAttribute('data-node-id', `handler:${PREVENT}:banned-words`);
  const call = run.inspector().getByTestId('inspector-call-execute');
  await expect(call).toHaveAttribute('data-status', 'paused');
  await expect(call).toContainText('next: execute');
  await expect(call).toContainText('Arguments it will receive');
  await expect(call).toContainText('book-club');
  await expect(call.getByTestId('inspector-duration')).toHaveCount(0);

  // The editor shows that app's class file with the method marked on the line that declares it.
  const editor = page.getByTestId('code-editor');
  await expect(page.getByTestId('editor-path')).toContainText('BannedWordsApp.ts');
  await expect(editor).toHaveAttribute('data-step-line', /^\d+$/);
  const mark = editor.locator('.view-overlays .hs-step-line');
  await expect(mark).toHaveCount(1);
  const methodLine = editor.locator('.view-line', { hasText: 'executePreRoomCreatePrevent(' });
  await expect(methodLine).toBeVisible();
  await expect.poll(async () => Math.abs(((await mark.boundingBox())?.y ?? -99) - ((await methodLine.boundingBox())?.y ?? 99))).toBeLessThan(2);
  await run.shoot('step-paused-1280');

  // Step: App 2 pauses next; the editor follows to its class file and marks its method there.
  await page.keyboard.press('F10');
  await expect(run.handler(PREVENT, 'app-2')).toHaveAttribute('data-state', 'paused');
  await expect(run.inspector()).toHaveAttribute('data-node-id', `handler:${PREVENT}:app-2`);
  await expect(page.getByTestId('editor-path')).toContainText('App2App.ts');
  await expect(editor.locator('.view-overlays .hs-step-line')).toHaveCount(1);

  // The last Step: nothing waits, the mark goes, the inspector shows how long the call took.
  await page.keyboard.press('F10');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  await expect(editor.locator('.view-overlays .hs-step-line')).toHaveCount(0);
  await expect(editor).not.toHaveAttribute('data-step-line', /.*/);
  await expect(run.inspector().getByTestId('inspector-call-execute')).toHaveAttribute('data-status', 'returned');
  await expect(run.inspector().getByTestId('inspector-duration')).toHaveText(/ms|s/);
});
