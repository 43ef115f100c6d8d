/**
 * Helpers for the hostile-app specs (e2e/sandbox-*.spec.ts): put a hostile Prevent handler into a
 * second app, shorten the per-call timeout through the top bar, create a room, and read what the
 * user sees (the host answer, the run log) and what must survive (world, history, editor).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { Workbench } from './workbench.ts';

/**
 * A Prevent app whose handler runs `body` only for rooms named `evil...` and lets every other
 * room through, so a normal action afterwards shows the runtime still works. `room: IRoom` and
 * `read: IRead` are in scope.
 */
export function hostileApp(body: string, opts: { extraMethods?: string; header?: string } = {}): string {
  return `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
${opts.header ?? ''}
export class App2App extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
        if (room.slugifiedName.startsWith('evil')) {
${body}
        }
        return false;
    }
${opts.extraMethods ?? ''}
}
`;
}

/**
 * One app with many hostile handlers: the room name picks the case (`evil-<case>`), any other
 * name is let through. `cases` maps a case name to the code run for it.
 */
export function hostileZoo(cases: Record<string, string>, opts: { header?: string } = {}): string {
  const branches = Object.entries(cases)
    .map(([name, body]) => `            if (room.slugifiedName === 'evil-${name}') {\n${body}\n            }`)
    .join('\n');
  return hostileApp(branches, opts);
}

export class SandboxPage {
  readonly wb: Workbench;

  constructor(readonly page: Page) {
    this.wb = new Workbench(page);
  }

  /** Opens the workbench, sets the per-call timeout by typing into the top bar, adds App 2 with `code`. */
  async setup(code: string, timeoutMs: number): Promise<void> {
    await this.wb.open();
    await this.setTimeoutMs(timeoutMs);
    await this.wb.addBlankApp();
    await this.wb.openFile('App2App.ts');
    await this.wb.typeIntoEditor(code);
  }

  async setTimeoutMs(ms: number): Promise<void> {
    const input = this.page.getByTestId('timeout-input');
    await input.fill(String(ms));
    await input.press('Enter');
    await expect(input).toHaveValue(String(ms));
  }

  /** Creates a room named `name` through the action form, then shows the console. */
  async createRoom(name: string): Promise<void> {
    await this.wb.setRoomName(name);
    await this.wb.run();
    await this.showConsole();
  }

  /** The run log lives in the Run area's Console tab (where the Run area exists). */
  async showConsole(): Promise<void> {
    const tab = this.page.getByTestId('run-tab-console');
    if ((await tab.count()) > 0 && (await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  answer(): Locator {
    return this.wb.answer();
  }

  runLog(): Locator {
    return this.page.getByTestId('run-log');
  }

  /** The newest run in the log (runs are listed newest first). */
  latestRun(): Locator {
    return this.page.getByTestId('run-entry').first();
  }

  runEntries(): Locator {
    return this.page.getByTestId('run-entry');
  }

  /** The room slugs the World tab lists. */
  async worldRooms(): Promise<Locator> {
    await this.page.getByTestId('side-tab-world').click();
    await this.page.getByTestId('world-tab-rooms').click();
    return this.page.getByTestId('world-tab');
  }

  async backToActions(): Promise<void> {
    await this.page.getByTestId('side-tab-actions').click();
  }

  /**
   * What must survive a hostile call: the editor still holds App 2's code (`editorContains`: text
   * from the end of the file), earlier runs are still
   * listed, a normal action afterwards still answers, and the world still has its rooms (plus the
   * one just created).
   */
  async expectIntact(opts: { editorContains: string; runsBefore: number }): Promise<void> {
    // Monaco renders only the lines in view: show the end of the file, where the last case is.
    await this.page.getByTestId('editor').locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await expect.poll(() => this.wb.editorText()).toContain(opts.editorContains);
    await expect(this.runEntries()).toHaveCount(opts.runsBefore);
    const name = `after-${opts.runsBefore}`;
    await this.createRoom(name);
    await expect(this.answer()).toHaveText('completed', { timeout: 10_000 });
    await expect(this.runEntries()).toHaveCount(opts.runsBefore + 1);
    const rooms = await this.worldRooms();
    await expect(rooms).toContainText('general');
    await expect(rooms).toContainText('team');
    await expect(rooms).toContainText(name);
    await this.backToActions();
  }
}
