/**
 * Crafted share links (issue 18, issue 14 leftovers): a world of the wrong types, drafts of the
 * wrong types, a link that unpacks to more than the limit. Each is refused with its reason, the
 * page does not go blank and the user's workspace stays as it was; no property appears on the
 * page's prototypes; typing still echoes and a Run still answers.
 */
import { zlibSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';
import { encodeShare, toBase64Url } from '../src/share/codec.ts';
import { buildSharePayload } from '../src/share/payload.ts';
import { defaultWorkspace } from '../src/workspace/default-workspace.ts';
import { expectEchoedInTime, typeAndEcho } from './pages/responsive.ts';

test.describe.configure({ timeout: 120_000 });

function linkWith(change: (workspace: Record<string, any>) => void): string {
  const payload = buildSharePayload(defaultWorkspace(), null) as unknown as { workspace: Record<string, any> };
  change(payload.workspace);
  return `/#share=${encodeShare(payload)}`;
}

function bombLink(): string {
  const zipped = zlibSync(new Uint8Array(40 * 1024 * 1024).fill(0x20), { level: 9 });
  const bytes = new Uint8Array(4 + zipped.length);
  new DataView(bytes.buffer).setUint32(0, zipped.length);
  bytes.set(zipped, 4);
  return `/#share=v1.${toBase64Url(bytes)}`;
}

const prototypeNames = (page: Page) =>
  page.evaluate(() => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')));

const LINKS: [name: string, link: () => string, seen: RegExp][] = [
  ['a room that is null', () => linkWith((ws) => void (ws['world'].rooms[0] = null)), /world\.rooms\[0\]/],
  ['a room name that is not text', () => linkWith((ws) => void (ws['world'].rooms[1].slugifiedName = { x: 1 })), /world\.rooms\[1\]\.slugifiedName/],
  [
    'drafts of the wrong types',
    () => linkWith((ws) => void (ws['drafts'] = { joinRoom: { action: 'joinRoom', room: null, user: 3 } })),
    /drafts\.joinRoom\.room/,
  ],
  [
    'a __proto__/constructor world',
    () => linkWith((ws) => void (ws['world'].serverSettings = JSON.parse('{"constructor":{"polluted":1},"__proto__":{"polluted":1}}'))),
    /world\.serverSettings\.constructor/,
  ],
  ['a link that unpacks to 40 MB', bombLink, /unpacks to more than 32 MB/],
];

test('crafted links are refused with their reason; the page and the workspace stay', async ({ page }) => {
  const wb = new Workbench(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await wb.open();
  await wb.setRoomName('kept-draft');
  const before = await prototypeNames(page);
  const saved = await wb.savedWorkspace(['banned-words'], 'kept-draft');
  for (const [name, link, seen] of LINKS) {
    await page.goto(link());
    await expect(page.getByTestId('workbench'), name).toBeVisible();
    await expect(page.getByTestId('share-problem-title'), name).toHaveText('This share link cannot be opened. Your workspace is unchanged.');
    await expect(page.getByTestId('share-problem'), name).toContainText(seen);
    await expect(wb.appRow('banned-words')).toBeVisible();
    await page.getByTestId('share-problem-close').click();
  }
  expect(await prototypeNames(page)).toEqual(before);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  // The user's own workspace is what it was (the draft survived every refused link).
  expect(await page.evaluate(() => localStorage.getItem('hookscope.workspace'))).toBe(saved);
  await page.screenshot({ path: 'test-results/untrusted-links.png' });
  // The page still works: typing echoes, a Run answers into the history and the world.
  await wb.openFile('BannedWordsApp.ts');
  const echoed = await typeAndEcho(page, 'typing after the crafted links');
  await wb.setRoomName('after-links');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed', { timeout: 30_000 });
  await expect(page.getByTestId('history-row-1')).toBeVisible();
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-rooms').click();
  await expect(page.getByTestId('world-tab')).toContainText('after-links');
  await expect(page.getByTestId('world-tab')).toContainText('general');
  expect(errors).toEqual([]);
  await expectEchoedInTime(page, echoed, 'crafted links');
});
