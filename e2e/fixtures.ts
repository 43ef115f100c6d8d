/**
 * Shared Playwright fixtures. Import `test` and `expect` from here, not from
 * '@playwright/test', so every spec fails on unexpected console errors.
 *
 *   import { test, expect } from './fixtures.ts';
 *
 * - `consoleErrors`: console.error messages and uncaught page errors seen so far (auto:
 *   collected for every test, and checked to be empty when the test ends).
 * - `allowedConsoleErrors`: patterns a spec expects; override with
 *   `test.use({ allowedConsoleErrors: [/expected/] })`.
 */
import { test as base, expect } from '@playwright/test';

export interface ConsoleErrorEntry {
  kind: 'console' | 'pageerror';
  text: string;
  location?: string;
}

export interface HookscopeFixtures {
  allowedConsoleErrors: RegExp[];
  consoleErrors: ConsoleErrorEntry[];
  /**
   * Live mode (re-run the last run after every edit) is on by default in the app; specs get it
   * off unless they ask (`test.use({ liveMode: true })`), so an edit never re-runs behind their back.
   */
  liveMode: boolean;
  liveModeDefault: void;
}

function format(entries: ConsoleErrorEntry[]): string {
  return entries.map((e) => `[${e.kind}] ${e.text}${e.location ? ` (${e.location})` : ''}`).join('\n');
}

export const test = base.extend<HookscopeFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  liveMode: [false, { option: true }],
  liveModeDefault: [
    async ({ context, liveMode }, use) => {
      if (!liveMode) {
        await context.addInitScript(() => {
          try {
            if (localStorage.getItem('hookscope.live') === null) localStorage.setItem('hookscope.live', 'off');
          } catch {
            // opaque origins (about:blank) have no storage
          }
        });
      }
      await use();
    },
    { auto: true },
  ],

  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use, testInfo) => {
      const errors: ConsoleErrorEntry[] = [];
      const allowed = (text: string) => allowedConsoleErrors.some((re) => re.test(text));

      page.on('console', (msg) => {
        if (msg.type() !== 'error' || allowed(msg.text())) return;
        const loc = msg.location();
        const entry: ConsoleErrorEntry = { kind: 'console', text: msg.text() };
        if (loc.url) entry.location = `${loc.url}:${loc.lineNumber}:${loc.columnNumber}`;
        errors.push(entry);
      });
      page.on('pageerror', (err) => {
        const text = err.stack ?? `${err.name}: ${err.message}`;
        if (!allowed(text)) errors.push({ kind: 'pageerror', text });
      });

      await use(errors);

      if (errors.length > 0) {
        await testInfo.attach('console-errors.txt', {
          body: format(errors),
          contentType: 'text/plain',
        });
      }
      // Only add this failure when the test itself passed, so it does not mask the real one.
      if (testInfo.status === testInfo.expectedStatus) {
        expect(errors, `unexpected console errors:\n${format(errors)}`).toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
