/** Every gallery example loads and produces, through the UI, the outcome its description promises. */
import { EXAMPLES } from '../src/examples/index.ts';
import { toAction } from '../src/scenario/run-scenario.ts';
import { parseScenario } from '../src/scenario/schema.ts';
import { expect, test } from './fixtures.ts';
import { expectedAnswer, SharePage } from './pages/share.ts';
import { Workbench } from './pages/workbench.ts';

for (const example of EXAMPLES) {
  test(`gallery: ${example.id} keeps its promise`, async ({ page }) => {
    test.setTimeout(60_000);
    const wb = new Workbench(page);
    const share = new SharePage(page);
    await wb.open();
    await share.openExample(example.id);
    const parsed = parseScenario(example.scenario);
    if (!parsed.ok) throw new Error('example does not parse');
    // The example's apps are the workspace now, in its order.
    for (const app of parsed.scenario.apps) await expect(wb.appRow(app.id ?? '')).toBeVisible();
    await expect(wb.appRows()).toHaveCount(parsed.scenario.apps.length);
    for (const [i, step] of parsed.scenario.steps.entries()) {
      const answer = await share.runExampleStep(i, toAction(step));
      await expect(answer).toHaveText(expectedAnswer(example, i));
    }
  });
}

test('gallery: lists every example with its explanation; Cancel keeps the workspace', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await page.getByTestId('gallery-button').click();
  for (const ex of EXAMPLES) await expect(page.getByTestId(`example-${ex.id}`)).toContainText(ex.explanation);
  const first = page.getByTestId(`example-${EXAMPLES[1]!.id}`);
  await first.getByTestId('example-open').click();
  await first.getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('gallery')).toBeHidden();
  await expect(wb.appRow('banned-words')).toBeVisible();
  await expect(wb.appRows()).toHaveCount(1);
});
