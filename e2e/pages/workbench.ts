/** Page object for the hookscope workbench: what a user sees and does, by stable test ids. */
import { expect, type Locator, type Page } from '@playwright/test';

export class Workbench {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId('workbench').waitFor();
  }

  /**
   * The workspace as saved once the app runtime has installed these apps (each app's bot user
   * joins the world, spec 7.2) and the saved text contains `also`. The runtime starts after the
   * editor is live, so a comparison with a later save must not start before that.
   */
  async savedWorkspace(apps: string[], also = ''): Promise<string> {
    const read = () => this.page.evaluate(() => localStorage.getItem('hookscope.workspace') ?? '');
    await expect
      .poll(async () => {
        const text = await read();
        return apps.every((id) => text.includes(`"${id}.bot"`)) && text.includes(also);
      })
      .toBe(true);
    return read();
  }

  appRow(id: string): Locator {
    return this.page.getByTestId(`app-row-${id}`);
  }

  appRows(): Locator {
    return this.page.getByTestId('app-list').locator('> li');
  }

  async selectApp(id: string): Promise<void> {
    await this.appRow(id).getByTestId('app-select').click();
  }

  async addBlankApp(): Promise<void> {
    await this.page.getByTestId('add-app').click();
    await this.page.getByTestId('add-blank-app').click();
  }

  async openFile(path: string): Promise<void> {
    await this.page.getByTestId(`file-${path}`).click();
  }

  /** Replaces the open file's text by typing, in Monaco or the plain editor. */
  async typeIntoEditor(text: string): Promise<void> {
    const editor = this.page.getByTestId('editor');
    // Monaco loads lazily: wait until it is live (or its textarea fallback is shown).
    const live = editor.locator('[data-testid="code-editor"][data-ready="true"] .monaco-editor, [data-testid="plain-editor"]').first();
    await live.waitFor({ timeout: 20_000 });
    const monaco = editor.locator('.monaco-editor');
    if ((await monaco.count()) > 0) await monaco.locator('.view-lines').click();
    else await editor.getByTestId('plain-editor').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    // insertText types the text as one input (no auto-closing brackets or auto-indent).
    await this.page.keyboard.insertText(text);
  }

  async editorText(): Promise<string> {
    const plain = this.page.getByTestId('plain-editor');
    if ((await plain.count()) > 0) return plain.inputValue();
    return (await this.page.getByTestId('editor').locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  async setRoomName(name: string): Promise<void> {
    await this.page.getByTestId('action-createRoom').click();
    await this.page.getByTestId('room-name').fill(name);
  }

  async run(): Promise<void> {
    await this.page.getByTestId('run-button').click();
  }

  /** Picks a folder with "Open folder…" (the directory input), as a user would. */
  async openFolder(dir: string): Promise<Locator> {
    await this.page.getByTestId('open-folder-input').setInputFiles(dir);
    const dialog = this.page.getByTestId('import-dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** Sets the per-call timeout in the top bar. */
  async setTimeoutMs(ms: number): Promise<void> {
    const input = this.page.getByTestId('timeout-input');
    await input.fill(String(ms));
    await input.press('Enter');
  }

  answer(): Locator {
    return this.page.getByTestId('run-answer');
  }

  summary(): Locator {
    return this.page.getByTestId('run-summary');
  }
}

/** A Prevent app class that prevents rooms whose name contains `word`. */
export function preventApp(className: string, word: string): string {
  return `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ${className} extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return room.slugifiedName.includes('${word}');
    }
}
`;
}

/** A Prevent handler that never returns (a synchronous endless loop). */
/** An app whose Post create handler leaves a `setInterval` running after it returned. */
export function tickingApp(className: string): string {
  return `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomCreate, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ${className} extends App implements IPostRoomCreate {
    public async executePostRoomCreate(room: IRoom): Promise<void> {
        setInterval(() => this.getLogger().info('tick'), 200);
    }
}
`;
}

export function loopingApp(className: string): string {
  return `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ${className} extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        for (;;) {}
    }
}
`;
}
