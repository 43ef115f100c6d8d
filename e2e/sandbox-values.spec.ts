/**
 * Odd things thrown or returned, and a handler that scribbles on its room argument: the user sees
 * what was thrown (class name and message), nothing breaks, and no other app or the world sees
 * the scribbles.
 */
import { expect, test } from './fixtures.ts';
import { hostileZoo, SandboxPage } from './pages/sandbox.ts';

// Several runs per test on a shared 2-core machine: give each test room.
test.describe.configure({ timeout: 120_000 });

const ZOO = hostileZoo({
  'throw-string': "                throw 'just a string';",
  'throw-null': '                throw null;',
  'throw-object': "                throw { code: 42, reason: 'nope' };",
  'throw-cyclic':
    "                const loop: Record<string, unknown> = { name: 'ouroboros' };\n                loop['self'] = loop;\n                throw loop;",
  'throw-typed': "                throw new TypeError('typed trouble');",
  'return-function': '                return (() => true) as unknown as boolean;',
  'return-cyclic':
    "                const loop: Record<string, unknown> = {};\n                loop['again'] = loop;\n                return loop as unknown as boolean;",
});

const CASES: [room: string, seen: string][] = [
  ['evil-throw-string', '(string: just a string)'],
  ['evil-throw-null', '(null: null)'],
  ['evil-throw-object', '(object: {"code":42,"reason":"nope"})'],
  ['evil-throw-cyclic', '(object: {"name":"ouroboros","self":"[Circular]"})'],
  ['evil-throw-typed', '(TypeError: typed trouble)'],
  ['evil-return-function', 'WireEncodeError: The value returned by executePreRoomCreatePrevent cannot be sent to the host: a function cannot be serialized'],
  [
    'evil-return-cyclic',
    'WireEncodeError: The value returned by executePreRoomCreatePrevent cannot be sent to the host: a cyclic structure cannot be serialized',
  ],
];

test('throwing a string, null, an object or a cyclic object, returning a function or a cyclic object', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(ZOO, 1000);
  for (const [i, [room, seen]] of CASES.entries()) {
    await s.createRoom(room);
    await expect(s.runEntries()).toHaveCount(i + 1);
    // A generic throw in a Prevent handler is swallowed by the host (spec §5): the room is created.
    await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
    await expect(s.latestRun()).toContainText(room);
    await expect(s.latestRun()).toContainText(`executePreRoomCreatePrevent threw in`);
    await expect(s.latestRun()).toContainText(seen);
  }
  // None of these restarts the worker: the runtime caught each one.
  await expect(s.runLog()).not.toContainText('worker restarted: executePreRoomCreatePrevent');
  await s.expectIntact({ editorContains: "'evil-return-cyclic'", runsBefore: CASES.length });
});

test('mutating the room argument reaches neither the next app nor the world', async ({ page }) => {
  const s = new SandboxPage(page);
  // App 2 runs first and renames the room it was given to a banned word; Banned Words runs next.
  await s.setup(
    hostileZoo({
      mutate: `                const r = room as unknown as Record<string, unknown>;
                r['slugifiedName'] = 'casino-hijacked';
                r['displayName'] = 'casino-hijacked';
                r['customFields'] = { pwned: true };
                (room.creator as unknown as Record<string, unknown>)['username'] = 'mallory';
                console.log('renamed to', room.slugifiedName);
                return false;`,
    }),
    1000,
  );
  await s.wb.appRow('app-2').getByTestId('app-up').click();
  await expect(s.wb.appRows().first()).toHaveAttribute('data-testid', 'app-row-app-2');
  await s.createRoom('evil-mutate');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText('renamed to');
  // Banned Words saw the original name: it did not prevent.
  await expect(s.latestRun()).toContainText('IPreRoomCreatePrevent: no app prevented it');
  const rooms = await s.worldRooms();
  await expect(rooms).toContainText('evil-mutate');
  await expect(rooms).not.toContainText('casino-hijacked');
  await expect(rooms).not.toContainText('mallory');
  await expect(rooms).not.toContainText('pwned');
  await s.backToActions();
  await s.expectIntact({ editorContains: "'renamed to'", runsBefore: 1 });
});
