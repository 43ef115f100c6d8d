/** Page object for the Run area: history | graph / console | inspector, and its toolbar. */
import type { Locator, Page } from '@playwright/test';

export class RunArea {
  constructor(readonly page: Page) {}

  handler(event: string, appId: string): Locator {
    return this.page.getByTestId('run-graph').getByTestId(`graph-handler-${event}-${appId}`);
  }

  outcome(): Locator {
    return this.page.getByTestId('run-graph').getByTestId('graph-outcome');
  }

  inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  historyRow(n: number): Locator {
    return this.page.getByTestId(`history-row-${n}`);
  }

  tab(name: 'graph' | 'console' | 'replay'): Locator {
    return this.page.getByTestId(`run-tab-${name}`);
  }

  /** Screenshots in both themes to /tmp/shots/run-<name>-<theme>.png (the theme ends as it began). */
  async shoot(name: string): Promise<void> {
    const toggle = this.page.getByTestId('theme-toggle');
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset['theme'] ?? 'dark');
      await this.page.waitForTimeout(150);
      await this.page.screenshot({ path: `/tmp/shots/run-${name}-${theme}.png` });
      await toggle.click();
    }
  }
}

/** A Modify app that renames the display name and sets `description` (which the host drops). */
export function modifyApp(className: string): string {
  return `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import { IPreRoomCreateModify, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ${className} extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
        builder.setDisplayName('Team ' + room.slugifiedName);
        const r = builder.getRoom();
        (r as any).description = 'set by ${className}';
        return r;
    }
}
`;
}
