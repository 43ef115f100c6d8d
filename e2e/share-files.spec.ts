/** Export / import of the scenario file, a run's trace, and a recorded test. */
import { expect, test } from './fixtures.ts';
import { SharePage } from './pages/share.ts';
import { Workbench } from './pages/workbench.ts';

test('round trip: export the scenario, import it (picker and drop), export again: the same file', async ({ page }) => {
  test.setTimeout(60_000);
  const share = new SharePage(page);
  const wb = new Workbench(page);
  await wb.open();
  await share.openExample('archive-before-delete');
  const first = await share.download('export-scenario');
  expect(first.name).toMatch(/\.hookscope\.json$/);
  const json = JSON.parse(first.text) as { apps: { id: string }[]; persistence: Record<string, unknown> };
  expect(json.apps.map((a) => a.id)).toEqual(['archive-guard']);
  expect(Object.keys(json.persistence)).toEqual(['archive-guard']);

  // Replace the workspace, then bring the file back with the file picker.
  await share.openExample('banned-words');
  await share.importFile(first.name, first.text);
  await expect(share.safeView()).toBeVisible();
  await expect(page.getByTestId('safe-banner')).toContainText(`Imported file ${first.name}: 1 app — code has not run.`);
  await page.getByTestId('safe-load').click();
  await expect(wb.appRow('archive-guard')).toBeVisible();
  const second = await share.download('export-scenario');
  expect(second.text).toBe(first.text);

  // And by dropping it on the page.
  await share.openExample('banned-words');
  await share.dropFile(first.name, first.text);
  await expect(share.safeView()).toBeVisible();
  await page.getByTestId('safe-load').click();
  await expect(wb.appRow('archive-guard')).toBeVisible();
  expect((await share.download('export-scenario')).text).toBe(first.text);
});

test('a file the app cannot read says precisely why and leaves the workspace untouched', async ({ page }) => {
  const share = new SharePage(page);
  const wb = new Workbench(page);
  await wb.open();
  const bad = { apps: [{ id: 'a', name: 'A', files: { 'A.ts': 'export class A {}' }, classFile: 'X.ts' }], steps: [{ action: 'explode' }] };
  await share.openMenu();
  await share.importFile('broken.hookscope.json', JSON.stringify(bad));
  await expect(share.problem()).toBeVisible();
  await expect(page.getByTestId('share-problem-title')).toHaveText('broken.hookscope.json cannot be imported. Your workspace is unchanged.');
  await expect(share.problem()).toContainText('apps[0].classFile: names "X.ts", which is not among "files"');
  await expect(share.problem()).toContainText('steps[0].action');
  await expect(share.safeView()).toHaveCount(0);
  await expect(wb.appRows()).toHaveCount(1);
  await expect(wb.appRow('banned-words')).toBeVisible();
});

test('export a run trace and the recorded runs as a test', async ({ page }) => {
  const share = new SharePage(page);
  const wb = new Workbench(page);
  await wb.open();
  await share.openExample('banned-words');
  await share.runExampleStep(0, { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'] });
  await share.runExampleStep(1, { action: 'createRoom', name: 'book-club', type: 'c', creator: 'alice', members: ['bob'] });
  const trace = JSON.parse((await share.download('export-trace')).text) as { format: string; action: { name: string }; events: { type: string }[] };
  expect(trace.format).toBe('hookscope-trace');
  expect(trace.action.name).toBe('book-club');
  expect(trace.events.some((e) => e.type === 'call-end')).toBe(true);
  const t = JSON.parse((await share.download('export-test')).text) as { steps: { name: string; expect: unknown }[]; rooms: { slugifiedName: string }[] };
  expect(t.steps.map((s) => [s.name, s.expect])).toEqual([
    ['casino-night', { outcome: 'prevented', errorCode: 'error-app-prevented' }],
    ['book-club', { outcome: 'completed', errorCode: null }],
  ]);
  expect(t.rooms.map((r) => r.slugifiedName)).not.toContain('book-club');
});
