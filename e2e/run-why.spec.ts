/**
 * The "why" of issue 13, as a person reads it at 1280x800: for a Prevent that decides, an Extend
 * that forgot `return` and a Modify whose throw the host swallowed, the graph marks the node that
 * decided or broke things, each node says what it did, and the sentence (outcome card, host
 * answer) names the app and method, who was not reached, what was swallowed. A swallowed throw
 * gets a notice in the answer and in the history row. No word of the why is broken mid-word.
 */
import { expect, test } from './fixtures.ts';
import { RunArea } from './pages/run.ts';
import { shot, wordsBrokenMidWord } from './pages/readability.ts';
import { WHY_CHAIN, WHY_PREVENT, WHY_SWALLOWED, loadAndRun } from './pages/run-view-scenarios.ts';

test.use({ viewport: { width: 1280, height: 800 } });

const says = (run: RunArea, event: string, app: string) => run.handler(event, app).getByTestId('graph-node-says');

test('prevent: the preventing app is marked and named with its method; the app after it was not reached', async ({ page }) => {
  test.setTimeout(90_000);
  const { wb, run } = await loadAndRun(page, WHY_PREVENT(), 'casino-night');
  await expect(run.outcome()).toHaveAttribute('data-state', 'prevented');
  await expect(run.handler('IPreRoomCreatePrevent', 'casino-guard')).toHaveAttribute('data-decisive', 'true');
  await expect(run.handler('IPreRoomCreatePrevent', 'spam-guard')).toHaveAttribute('data-decisive', 'false');
  await expect(says(run, 'IPreRoomCreatePrevent', 'casino-guard')).toHaveText('prevented it (returned true)');
  await expect(says(run, 'IPreRoomCreatePrevent', 'spam-guard')).toHaveText('not reached: Casino Guard decided first');
  const why = run.outcome().getByTestId('graph-outcome-why');
  await expect(why).toContainText('Casino Guard prevented it in executePreRoomCreatePrevent');
  await expect(why).toContainText('Not reached: Spam Guard (Prevent)');
  await expect(why).not.toContainText('no later handler was waiting');
  await expect(wb.answer()).toContainText('error-app-prevented');
  await expect(page.getByTestId('run-summary')).toContainText('Casino Guard prevented it in executePreRoomCreatePrevent');
  expect(await wordsBrokenMidWord(why)).toEqual([]);
  // The marked sentence opens the decisive node in the inspector.
  await run.outcome().getByTestId('graph-outcome-decider').click();
  await expect(run.inspector()).toHaveAttribute('data-node-id', 'handler:IPreRoomCreatePrevent:casino-guard');
  await shot(page, 'why-prevent-1280x800');
});

test('chain broken: the Extend that forgot return is marked, not the innocent next app; no change was applied', async ({ page }) => {
  test.setTimeout(90_000);
  const { run } = await loadAndRun(page, WHY_CHAIN(), 'gamma-team');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  await expect(run.handler('IPreRoomCreateExtend', 'forgetful-tagger')).toHaveAttribute('data-decisive', 'true');
  await expect(run.handler('IPreRoomCreateModify', 'team-renamer')).toHaveAttribute('data-decisive', 'false');
  await expect(run.handler('IPreRoomCreateExtend', 'cost-center')).toHaveAttribute('data-decisive', 'false');
  await expect(says(run, 'IPreRoomCreateExtend', 'forgetful-tagger')).toHaveText('returned nothing: chain broken here');
  await expect(says(run, 'IPreRoomCreateModify', 'team-renamer')).toHaveText('not called: the chain was already broken');
  await expect(says(run, 'IPreRoomCreateExtend', 'cost-center')).toContainText('lost');
  const why = run.outcome().getByTestId('graph-outcome-why');
  await expect(why).toContainText('Forgetful Tagger returned nothing from executePreRoomCreateExtend');
  await expect(why).toContainText('no Extend or Modify change from any app was applied');
  await expect(why).toContainText('Not reached: Team Renamer (Modify)');
  expect(await wordsBrokenMidWord(why)).toEqual([]);
  await shot(page, 'why-chain-1280x800');
});

test('swallowed throw: the node says so, and the answer and the history row carry a notice like a timeout', async ({ page }) => {
  test.setTimeout(90_000);
  const { run } = await loadAndRun(page, WHY_SWALLOWED(), 'delta-team');
  await expect(run.outcome()).toHaveAttribute('data-state', 'completed');
  await expect(run.handler('IPreRoomCreateModify', 'audit-log')).toHaveAttribute('data-state', 'threw');
  await expect(says(run, 'IPreRoomCreateModify', 'audit-log')).toHaveText('threw TypeError: audit store is full (swallowed)');
  const why = run.outcome().getByTestId('graph-outcome-why');
  await expect(why).toContainText('Audit Log threw TypeError: audit store is full in executePreRoomCreateModify: swallowed');
  await expect(run.outcome().getByTestId('graph-outcome-notice')).toContainText('a handler failed but the host went on');
  await expect(page.getByTestId('run-cut-off').locator('li[data-status="threw"]')).toContainText(
    'Swallowed: Audit Log · executePreRoomCreateModify threw TypeError: audit store is full',
  );
  await expect(page.getByTestId('history-trouble-1')).toHaveText(/1 swallowed error/);
  expect(await wordsBrokenMidWord(why)).toEqual([]);
  await shot(page, 'why-swallowed-1280x800');
});

test('presenter mode at 1280x720: the why of a swallowed throw wraps between words, never inside one', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const { run } = await loadAndRun(page, WHY_SWALLOWED(), 'delta-team', '/?present');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  const why = run.outcome().getByTestId('graph-outcome-why');
  await expect(why).toContainText('executePreRoomCreateModify');
  expect(await wordsBrokenMidWord(why)).toEqual([]);
  expect(await wordsBrokenMidWord(page.getByTestId('run-summary'))).toEqual([]);
  await shot(page, 'why-swallowed-presenter');
});
