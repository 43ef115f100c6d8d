/**
 * The Monaco editor as a user meets it: it becomes live (data-ready), the TypeScript service
 * knows the real Apps-Engine types (completion), and a contract hint appears as a 'hookscope'
 * marker whose hover cites the rule (spec §2).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const editor = (page: Page) => page.getByTestId('code-editor');

async function openLiveEditor(page: Page) {
  await page.goto('/');
  await expect(editor(page)).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(editor(page)).toHaveAttribute('data-ts-ready', 'true', { timeout: 20_000 });
}

/** Replaces the whole text of the open file (insertText: no auto-closing brackets). */
async function replaceText(page: Page, text: string) {
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

test('Monaco goes live, with completion from the real Apps-Engine types', async ({ page }) => {
  await openLiveEditor(page);
  await replaceText(
    page,
    `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class Typed extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
        read.`,
  );
  await page.keyboard.type('getRoomR');
  const suggest = editor(page).locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('getRoomReader');
});

test('type errors against the Apps-Engine types are underlined once the types are in; correct imports never are', async ({ page }) => {
  await openLiveEditor(page);
  // The shipped example type-checks: its imports resolve (the type libraries arrive after the
  // editor is live, with semantic checks held until then, so nothing flashes as missing).
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(0);
  await replaceText(
    page,
    `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class Typed extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        const count: number = room.slugifiedName;
        return count > 0;
    }
}
`,
  );
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(1);
});

test('@rocket.chat/ui-kit resolves to its real types: completion lists TextObjectType members (issue 10)', async ({ page }) => {
  await openLiveEditor(page);
  await replaceText(
    page,
    `import { TextObjectType } from '@rocket.chat/ui-kit';

export const kind = TextObjectType.`,
  );
  await page.keyboard.type('MRK');
  const suggest = editor(page).locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('MRKDWN');
});

test('a method without its implements entry gets a hookscope hint citing the rule', async ({ page }) => {
  await openLiveEditor(page);
  await replaceText(
    page,
    `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class Forgot extends App {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return true;
    }
}
`,
  );
  const squiggle = editor(page).locator('.squiggly-warning').first();
  await expect(squiggle).toBeVisible();
  // Monaco re-renders its decorations while diagnostics arrive: hover until the hint shows.
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(async () => {
    // The text layer lies over the squiggle: hover its spot without the actionability check.
    await squiggle.hover({ timeout: 2_000, force: true });
    await expect(hover).toContainText('is never called', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(hover).toContainText('hookscope(never-called)');
  await expect(hover).toContainText('§2');
});
