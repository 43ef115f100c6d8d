import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env['CI'];
const PORT = Number(process.env['HOOKSCOPE_E2E_PORT'] ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * scripts/e2e.mjs sets CHROMIUM_PATH (after scripts/ensure-chromium.mjs found or installed
 * Debian's chromium). When Playwright is run directly, fall back to the same well-known paths.
 * Playwright's own browser download does not work on this network, so never rely on it.
 */
function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p) => existsSync(p),
  );
  if (!found) {
    throw new Error(
      'No Chromium found: run `node scripts/ensure-chromium.mjs` (or `npm run test:e2e`), ' +
        'or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  // One retry in CI: a 2-core machine under load can miss a wall-clock timing; Playwright still
  // reports such a test as flaky, and a consistent failure fails the run.
  retries: CI ? 1 : 0,
  workers: 2,
  // These are safety nets, not speed assertions: every test waits on what the page shows. On a busy
  // 2-core machine (load average well above the core count) Monaco, the workers and the graph can
  // take many times longer than on an idle one, so CI gives them room instead of failing a
  // correct page for being slow.
  timeout: CI ? 120_000 : 30_000,
  expect: { timeout: CI ? 20_000 : 5_000 },
  reporter: CI ? [['line']] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          // Without the background-networking flags Chromium keeps hitting this machine's
          // closed network; --no-sandbox because CI runs as root.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // Serves the built app (scripts/e2e.mjs runs `vite build` first).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
