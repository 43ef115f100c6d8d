/**
 * "The page stays responsive" as a person checks it: typing in Monaco shows up. Measured as the
 * time from typing a line to seeing it, and judged against the same page on the same machine:
 * within a second, or within three times what a freshly loaded page takes (CI machines are busy).
 */
import { expect, type Page } from '@playwright/test';

/** Types `// marker` on a new last line of the open file; the milliseconds until Monaco shows it. */
export async function typeAndEcho(page: Page, marker: string, timeoutMs = 20_000): Promise<number> {
  const lines = page.getByTestId('editor').locator('.view-lines');
  await lines.waitFor({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`// ${marker}`);
  const started = Date.now();
  await expect(lines).toContainText(marker, { timeout: timeoutMs });
  return Date.now() - started;
}

/**
 * Reloads the page, measures a fresh page's echo, and checks `tookMs` (measured after something
 * hostile) against it: at most a second, or three times the fresh page's.
 */
export async function expectEchoedInTime(page: Page, tookMs: number, what: string): Promise<void> {
  await page.reload();
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor({ timeout: 60_000 });
  const baseline = await typeAndEcho(page, `baseline after ${what}`);
  const limit = Math.max(1000, 3 * baseline);
  console.log(`[responsive] ${what}: echo ${tookMs} ms (fresh page ${baseline} ms, limit ${limit} ms)`);
  expect(tookMs, `typing echoed in ${tookMs} ms after ${what}; limit ${limit} ms (1 s, or 3x a fresh page's ${baseline} ms)`).toBeLessThanOrEqual(limit);
}
