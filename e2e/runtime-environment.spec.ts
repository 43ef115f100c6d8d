/**
 * Spec 7.3 in the browser: the env-probe fixture app (fixtures/apps/env-probe) typed into the
 * editor reports, in the sandboxed Worker, exactly what src/runtime/environment/
 * environment.integration.test.ts expects of the Node runner: one environment definition for
 * both (globals, the require allowlist, uuid, ui-kit values, fetch answered by an HTTP mock).
 */
import { ENV_PROBE_MOCK, compareProbe, envProbeSource, parseProbeLines } from '../src/test-support/env-probe.ts';
import { expect, test } from './fixtures.ts';
import { SandboxPage } from './pages/sandbox.ts';

test.describe.configure({ timeout: 120_000 });

test('the env-probe app sees the same environment as in the Node runner', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(envProbeSource(), 10_000);

  // The probe fetches https://api.example.test/greeting: add the HTTP mock that answers it.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-http').click();
  await page.getByTestId('world-add-mock').click();
  await page.getByTestId('world-mock-url').fill(ENV_PROBE_MOCK.url);
  await page.getByTestId('world-mock-status').fill(String(ENV_PROBE_MOCK.status));
  await page.getByTestId('world-mock-body').fill(JSON.stringify(ENV_PROBE_MOCK.data));
  await page.getByTestId('world-mock-save').click();
  await expect(page.getByTestId('world-mock-row-0')).toContainText('api.example.test');
  await s.backToActions();

  await s.createRoom('probe');
  await expect(s.answer()).toHaveText('completed', { timeout: 20_000 });
  await expect(s.latestRun()).toContainText('env-probe fetch');
  const lines = (await s.latestRun().innerText()).split('\n');
  const report = parseProbeLines(lines);
  expect(Object.keys(report).length).toBeGreaterThan(20);
  expect(compareProbe(report)).toEqual([]);

  // fetch went to the mock through the host bridge: it is in the HTTP log.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-http').click();
  await expect(page.getByTestId('world-tab')).toContainText('https://api.example.test/greeting?lang=en');
});
