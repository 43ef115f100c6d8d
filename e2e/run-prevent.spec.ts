import { test, expect } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { preventApp, Workbench } from './pages/workbench.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const PREVENT = 'IPreRoomCreatePrevent';

test('3 Prevent apps: the second wins; the graph, outcome, inspector and console say so', async ({ page }) => {
  const wb = new Workbench(page);
  const run = new RunArea(page);
  await wb.open();
  await wb.addBlankApp();
  await wb.openFile('App2App.ts');
  await wb.typeIntoEditor(preventApp('App2App', 'secret'));
  await wb.addBlankApp(); // App 3: lets every room through
  await wb.setRoomName('top-secret');
  await wb.run();

  await expect(run.handler(PREVENT, 'banned-words')).toHaveAttribute('data-state', 'returned');
  await expect(run.handler(PREVENT, 'app-2')).toHaveAttribute('data-state', 'prevented');
  await expect(run.handler(PREVENT, 'app-2')).toContainText('prevented here');
  await expect(run.handler(PREVENT, 'app-3')).toHaveAttribute('data-state', 'not-reached');
  await expect(run.outcome()).toHaveAttribute('data-state', 'prevented');
  await expect(run.outcome()).toContainText('App 2');
  await expect(page.getByTestId('run-live-outcome')).toHaveText('Run #1: prevented by App 2');

  // Node -> console: selecting the node filters the console to its calls.
  await run.handler(PREVENT, 'app-2').click();
  await expect(run.inspector()).toHaveAttribute('data-node-id', `handler:${PREVENT}:app-2`);
  await run.shoot('prevent');
  await run.tab('console').click();
  await expect(page.getByTestId('log-filter-chip')).toContainText('filtered to App 2 · executePreRoomCreatePrevent');
  await expect(page.getByTestId('log-line')).not.toHaveCount(0);
  await expect(page.getByTestId('run-log')).not.toContainText('banned-words');
  await run.shoot('console-filtered');
  // Console -> node: clicking a line of another call selects that node.
  await page.getByTestId('log-filter-clear').click();
  await page.getByTestId('log-line').filter({ hasText: 'banned-words' }).first().click();
  await expect(run.inspector()).toHaveAttribute('data-node-id', `handler:${PREVENT}:banned-words`);
});
