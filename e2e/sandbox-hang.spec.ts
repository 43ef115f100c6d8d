/**
 * Handlers that never answer, overflow the stack, eat memory or leave an interval running: each
 * is reported to the user, the hung worker is replaced, and world, history and editor survive.
 */
import { expect, test } from './fixtures.ts';
import { hostileZoo, SandboxPage } from './pages/sandbox.ts';

// Several runs per test on a shared 2-core machine: give each test room.
test.describe.configure({ timeout: 120_000 });

const ZOO = hostileZoo({
  loop: '                for (;;) {}',
  never: '                await new Promise(() => {});',
  recursion: '                const down = (n: number): number => down(n + 1) + 1;\n                return down(0) > 0;',
  oom: '                const hoard: number[][] = [];\n                for (;;) hoard.push(new Array(1e6).fill(hoard.length));',
  interval: "                setInterval(() => console.log('tick from an old call'), 40);\n                return false;",
});

test('an endless loop, a promise that never settles and a stack overflow: reported, nothing lost', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 500);

  await s.createRoom('evil-loop');
  // Prevent handlers that time out do not prevent (spec §5): the host goes on and creates the room.
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText(/executePreRoomCreatePrevent timed-out in \d+ ms: timed out: treated as not prevented/);
  // The liveness probe found the worker stuck: it was replaced.
  await expect(s.runLog()).toContainText('worker restarted: executePreRoomCreatePrevent timed out after 500 ms');

  await s.createRoom('evil-never');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText(/executePreRoomCreatePrevent timed-out in \d+ ms/);

  await s.createRoom('evil-recursion');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText('threw a generic error: treated as not prevented, the loop goes on (RangeError: Maximum call stack size exceeded)');

  // Banned Words (the first app) still answered in every run.
  await expect(s.runEntries().filter({ hasText: /banned-words[\s\S]*returned in/ })).toHaveCount(3);
  await s.expectIntact({ editorContains: 'tick from an old call', runsBefore: 3 });
  const rooms = await s.worldRooms();
  for (const name of ['evil-loop', 'evil-never', 'evil-recursion']) await expect(rooms).toContainText(name);
});

test('allocating until the worker dies: the worker is cut off, the page survives', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 500);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await s.createRoom('evil-oom');
  await expect(s.answer()).toHaveText('completed', { timeout: 15_000 });
  expect(crashed, 'the page renderer crashed').toBe(false);
  await expect(s.latestRun()).toContainText(/executePreRoomCreatePrevent (timed-out in \d+ ms|crashed)/);
  await expect(s.runLog()).toContainText(/worker restarted: /);
  await s.expectIntact({ editorContains: 'tick from an old call', runsBefore: 1 });
});

test('an interval left running is a pending side effect of its call and stays out of later runs', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 1000);
  await s.createRoom('evil-interval');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText('executePreRoomCreatePrevent left 0 timers, 1 intervals, 0 requests pending');
  await expect(s.latestRun()).toContainText('tick from an old call');
  await s.createRoom('plain-room');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.runEntries()).toHaveCount(2);
  await page.waitForTimeout(300); // several more ticks
  await expect(s.latestRun()).toContainText('plain-room');
  await expect(s.latestRun()).not.toContainText('tick from an old call');
  await expect(s.latestRun()).not.toContainText('pending');
  await s.expectIntact({ editorContains: 'tick from an old call', runsBefore: 2 });
});
