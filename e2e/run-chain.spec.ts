import { test, expect } from './fixtures.ts';
import { modifyApp, RunArea } from './pages/run.ts';
import { Workbench } from './pages/workbench.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test('Extend -> Modify: the inspector shows the room diff and flags the dropped description', async ({ page }) => {
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await page.getByTestId('add-app').click();
  await page.getByTestId('add-template-pre-room-create-extend').click();
  await wb.addBlankApp();
  await wb.openFile('App3App.ts');
  await wb.typeIntoEditor(modifyApp('App3App'));
  await wb.setRoomName('team-news');
  await wb.run();

  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  const extend = run.handler('IPreRoomCreateExtend', 'pre-room-create-extend');
  const modify = run.handler('IPreRoomCreateModify', 'app-3');
  await expect(extend).toHaveAttribute('data-state', 'returned');
  await expect(modify).toHaveAttribute('data-state', 'returned');

  await extend.click();
  await expect(page.getByTestId('inspector-fields')).toContainText('customFields');
  await expect(page.getByTestId('inspector-fields')).toContainText('applied');

  await modify.click();
  const fields = page.getByTestId('inspector-fields');
  await expect(fields.getByTestId('inspector-field-displayName')).toHaveAttribute('data-fate', 'applied');
  await expect(fields.getByTestId('inspector-field-displayName')).toContainText('Team team-news');
  await expect(fields.getByTestId('inspector-field-description')).toHaveAttribute('data-fate', 'dropped');
  await expect(fields.getByTestId('inspector-field-description')).toContainText('dropped by the host');
  await run.shoot('chain-inspector');

  // The toolbar's outcome line selects the outcome node (and brings it into view).
  await page.getByTestId('run-live-outcome').click();
  await expect(page.getByTestId('inspector-dropped-description')).toBeVisible();
});
