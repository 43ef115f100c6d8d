/** Page object for sharing, export/import and the examples gallery. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { describeAction, type ActionInput } from '../../src/engine/actions.ts';
import type { Example } from '../../src/examples/index.ts';

export class SharePage {
  constructor(readonly page: Page) {}

  async openMenu(): Promise<void> {
    if (!(await this.page.getByTestId('share-menu-panel').isVisible())) await this.page.getByTestId('share-menu').click();
  }

  /** Makes a share link (optionally with the recorded runs) and returns it. */
  async shareLink(withRuns: boolean): Promise<string> {
    await this.openMenu();
    const box = this.page.getByTestId('share-with-runs');
    if ((await box.isChecked()) !== withRuns) await box.click();
    await this.page.getByTestId('share-copy-link').click();
    return this.page.getByTestId('share-link').inputValue();
  }

  async download(testId: string): Promise<{ name: string; text: string }> {
    await this.openMenu();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return { name: download.suggestedFilename(), text: await readDownload(download) };
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Drops a file on the page as a user dragging it from their desktop would. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([n, t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: 'application/json' }));
        return dt;
      },
      [name, text] as const,
    );
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  }

  safeView(): Locator {
    return this.page.getByTestId('safe-view');
  }

  problem(): Locator {
    return this.page.getByTestId('share-problem');
  }

  async openExample(id: string): Promise<void> {
    await this.page.getByTestId('gallery-button').click();
    const item = this.page.getByTestId(`example-${id}`);
    await item.getByTestId('example-open').click();
    await expect(item).toContainText('Your current workspace will be replaced; export it first if you want to keep it.');
    await item.getByTestId('example-confirm').click();
    await expect(this.page.getByTestId('gallery')).toBeHidden();
    await expect(this.page.getByTestId('example-guide')).toBeVisible();
  }

  /** Runs step `i` of the open example from its guide and waits for that run's answer. */
  async runExampleStep(i: number, action: ActionInput): Promise<Locator> {
    await this.page.getByTestId(`example-step-${i}`).click();
    const result = this.page.getByTestId('run-result');
    await expect(result).toContainText(describeAction(action), { timeout: 15_000 });
    const answer = this.page.getByTestId('run-answer');
    await expect(answer).toBeVisible({ timeout: 15_000 });
    return answer;
  }
}

/** The answer text a step's `expect` promises: `code: message` or `completed`. */
export function expectedAnswer(example: Example, i: number): RegExp {
  const step = example.scenario.steps[i]!;
  const code = step.expect?.errorCode;
  const extra = example.answerIncludes?.[i];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (code) return new RegExp(`^${esc(code)}: ${extra ? `.*${esc(extra)}` : ''}`);
  return /^completed$/;
}

async function readDownload(d: Download): Promise<string> {
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
