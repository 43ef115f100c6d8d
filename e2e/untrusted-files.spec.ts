/**
 * Crafted scenario files (issue 18): world entries of the wrong types are refused with their path
 * when imported, and keys such as `__proto__` stay data when such a file is run; the page does not go blank, no property
 * appears on the page's prototypes, typing still echoes, and the user's workspace is unchanged.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SharePage } from './pages/share.ts';
import { Workbench } from './pages/workbench.ts';
import { expectEchoedInTime, typeAndEcho } from './pages/responsive.ts';

test.describe.configure({ timeout: 120_000 });

const base = (): Record<string, any> => JSON.parse(readFileSync(new URL('../examples/banned-words.json', import.meta.url), 'utf8'));

const FILES: [name: string, change: (scenario: Record<string, any>) => void, seen: RegExp][] = [
  ['a room that is null', (f) => void (f['rooms'][0] = null), /rooms\[0\]/],
  ['a user id that is a number', (f) => void (f['users'][0].id = 7), /users\[0\]\.id/],
  ['a room of the wrong type', (f) => void (f['rooms'][0].type = { x: 1 }), /rooms\[0\]\.type/],
];

/**
 * Keys that name Object properties where the file names an app (`settings`, `persistence` per
 * app id): the file is valid (no app has that id), so it opens for review; running it must leave
 * the page's prototypes alone.
 */
const PROTO_APP_KEYS = (f: Record<string, any>) => {
  f['settings'] = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"polluted":1},"banned-words":{"__proto__":"x","words":"spam"}}');
  f['persistence'] = JSON.parse('{"__proto__":[{"id":"x","data":{"polluted":1}}],"banned-words":[{"id":"y","data":{"__proto__":{"polluted":1}}}]}');
};

const prototypeNames = (page: Page) =>
  page.evaluate(() => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')));

test('crafted files are refused with their reason; the page, the prototypes and the workspace stay', async ({ page }) => {
  const wb = new Workbench(page);
  const share = new SharePage(page);
  await wb.open();
  await wb.setRoomName('kept-draft');
  const before = await prototypeNames(page);
  const saved = await wb.savedWorkspace(['banned-words'], 'kept-draft');
  for (const [name, change, seen] of FILES) {
    const file = base();
    change(file);
    await share.openMenu();
    await share.importFile('crafted.hookscope.json', JSON.stringify(file));
    await expect(share.problem(), name).toBeVisible();
    await expect(page.getByTestId('share-problem-title'), name).toHaveText('crafted.hookscope.json cannot be imported. Your workspace is unchanged.');
    await expect(share.problem(), name).toContainText(seen);
    await page.getByTestId('share-problem-close').click();
    await expect(page.getByTestId('workbench')).toBeVisible();
    await expect(wb.appRow('banned-words')).toBeVisible();
  }
  expect(await prototypeNames(page)).toEqual(before);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  // Typing still echoes, and a Run answers.
  await wb.openFile('BannedWordsApp.ts');
  const echoed = await typeAndEcho(page, 'typing after the crafted files');
  await wb.setRoomName('after-files');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
  // The workspace is the user's own: the draft and the code survived every refused file.
  const after = await wb.savedWorkspace(['banned-words'], '"slugifiedName":"after-files"');
  expect(after).toContain('typing after the crafted files');
  expect(JSON.parse(saved).scenario.apps.length).toBe(JSON.parse(after).scenario.apps.length);
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('after-files');
  await page.getByTestId('side-tab-actions').click();

  // Last, as it replaces the workspace: __proto__/constructor as app ids and record fields, run.
  const file = base();
  PROTO_APP_KEYS(file);
  await share.openMenu();
  await share.importFile('proto-keys.hookscope.json', JSON.stringify(file));
  // Keys are data: a file whose maps use __proto__ / constructor as keys is refused with the path, as links are.
  const refused = page.getByTestId('share-problem');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText(/__proto__|constructor/);
  await expect(share.safeView()).toHaveCount(0);
  await page.getByTestId('share-problem-close').click();
  expect(await prototypeNames(page)).toEqual(before);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
  await expectEchoedInTime(page, echoed, 'crafted files');
});
