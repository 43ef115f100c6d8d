/**
 * The classes of issue 18 that app code reaches through the accessors and its own loading: a
 * flood of writes, a 25 MB log line, a 20 MB error message, keys such as `__proto__` in settings
 * and persistence, an interval that keeps calling accessors after its call answered, and an
 * endless loop in the constructor. Each is answered with what was cut; the page stays responsive
 * (typing in Monaco echoes), no property appears on the page's prototypes, and the workspace,
 * world and history are intact.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SandboxPage } from './pages/sandbox.ts';
import { expectEchoedInTime, typeAndEcho } from './pages/responsive.ts';

test.describe.configure({ timeout: 240_000 });

/** A Post create app: the room name picks the case; any other name does nothing. */
const HOSTILE_POST = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IConfigurationExtend, IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IPostRoomCreate, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings';

export class App2App extends App implements IPostRoomCreate {
    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        for (const id of ['__proto__', 'constructor']) {
            await configuration.settings.provideSetting({ id, type: SettingType.STRING, packageValue: 'polluted', required: false, public: false, i18nLabel: id });
        }
    }

    public async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        const name = room.slugifiedName;
        if (name === 'evil-writes') {
            // One after the other (each finish also reads the app's user): the writes run out first.
            const creator = modify.getCreator();
            for (let i = 0; i < 10000; i++) await creator.finish(creator.startMessage().setRoom(room).setText('spam ' + i));
        }
        if (name === 'evil-bigline') console.log('y'.repeat(25_000_000));
        if (name === 'evil-bigerror') throw new Error('z'.repeat(20_000_000));
        if (name === 'evil-keys') {
            // Setting ids that name Object properties are not stored (their declaration was refused).
            const value = await read.getEnvironmentReader().getSettings().getValueById('__proto__').catch((e: Error) => e.message);
            await persistence.createWithAssociation({ polluted: true }, new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, '__proto__'));
            await persistence.updateByAssociation(new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'constructor'), { polluted: true }, true);
            console.log('setting __proto__ is', value);
        }
        if (name === 'evil-interval') {
            setInterval(() => {
                read.getRoomReader().getByName('general').catch((e: Error) => console.log('late request refused: ' + e.message));
            }, 5);
        }
    }
}
`;

const prototypeNames = (page: Page) =>
  page.evaluate(() => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')));

/** Typing into Monaco shows up within `limitMs` (the page is not frozen). */
async function expectResponsive(s: SandboxPage, marker: string, limitMs: number): Promise<number> {
  await expect(s.wb.appRow('app-2')).not.toContainText('loading', { timeout: 30_000 });
  const lines = s.page.getByTestId('editor').locator('.view-lines');
  await lines.click();
  await s.page.keyboard.press('ControlOrMeta+End');
  await s.page.keyboard.press('Enter');
  await s.page.keyboard.insertText(`// ${marker}`);
  const started = Date.now();
  await expect(lines).toContainText(marker, { timeout: limitMs });
  const took = Date.now() - started;
  console.log(`[untrusted-apps] ${marker}: echoed in ${took} ms (limit ${limitMs} ms)`);
  return took;
}

const CASES: [name: string, seen: string | RegExp][] = [
  ['writes', "501 writes (modify.creator.finish): stopped after 500 (hookscope's limit per call); the call was ended"],
  ['bigline', /y{100}… \(\d+ more characters\)/],
  ['bigerror', /more characters cut: hookscope keeps 20000 characters of an error/],
  ['keys', 'setting __proto__ is Setting "__proto__" does not exist.'],
];

test('a flood of writes, a 25 MB log line, a 20 MB error and __proto__ keys: cut and kept as data; nothing reaches the page', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.wb.open();
  const protoBefore = await prototypeNames(page);
  await s.setup(HOSTILE_POST, 20_000);
  const baseline = await expectResponsive(s, 'typing-before', 20_000);
  const limit = Math.max(1000, 3 * baseline);
  for (const [i, [name, seen]] of CASES.entries()) {
    await s.createRoom(`evil-${name}`);
    await expect(s.runEntries()).toHaveCount(i + 1);
    await expect(s.answer()).toHaveText('completed', { timeout: 30_000 });
    await expect(s.latestRun()).toContainText(`evil-${name}`);
    await expect(s.latestRun()).toContainText(seen, { timeout: 30_000 });
    await expect(s.latestRun()).not.toContainText('timed out');
    await expectResponsive(s, `still-typing-${name}`, limit);
  }
  expect(await prototypeNames(page)).toEqual(protoBefore);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  // The keys are data: the records are in the world, under their association.
  await page.getByTestId('side-tab-world').click();
  await page.getByTestId('world-tab-persistence').click();
  await expect(page.getByTestId('world-tab')).toContainText('__proto__');
  await expect(page.getByTestId('world-tab')).toContainText('constructor');
  await s.backToActions();
  await s.expectIntact({ editorContains: 'still-typing-keys', runsBefore: CASES.length });
  // The workspace saved the typing and the world.
  const saved = await s.wb.savedWorkspace(['banned-words', 'app-2'], 'still-typing-keys');
  expect(saved).toContain('evil-keys');
});

test('an interval that keeps calling accessors after its call answered is cut after 200 requests and stops', async ({ page }) => {
  const s = new SandboxPage(page);
  await s.wb.open();
  const protoBefore = await prototypeNames(page);
  await s.setup(HOSTILE_POST, 5_000);
  const baseline = await expectResponsive(s, 'typing-before', 20_000);
  await s.createRoom('evil-interval');
  await expect(s.answer()).toHaveText('completed', { timeout: 30_000 });
  await expect(s.latestRun()).toContainText('late request refused: 201 requests after the call answered: stopped after 200', { timeout: 30_000 });
  await expectResponsive(s, 'still-typing-interval', Math.max(1000, 3 * baseline));
  // It stopped: a later run gets none of its activity.
  await s.createRoom('plain-room');
  await expect(s.answer()).toHaveText('completed', { timeout: 30_000 });
  await expect(s.runEntries()).toHaveCount(2);
  await expect(s.latestRun()).toContainText('plain-room');
  await expect(s.latestRun()).not.toContainText('late request refused');
  expect(await prototypeNames(page)).toEqual(protoBefore);
  await s.expectIntact({ editorContains: 'still-typing-interval', runsBefore: 2 });
});

const LOOPING_APPS: [where: string, source: string][] = [
  [
    'the constructor',
    `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppAccessors, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class App2App extends App implements IPreRoomCreatePrevent {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
        for (;;) {}
    }
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return true;
    }
}
// end of the looping app
`,
  ],
  [
    'top-level module code',
    `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppAccessors, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

// An endless loop in the module's top-level code, before the class is even defined.
for (;;) {}

export class App2App extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return true;
    }
}
// end of the looping app
`,
  ],
];

for (const [where, source] of LOOPING_APPS) {
  test(`an endless loop in ${where}: the app is marked failed, names the bound, and later actions do not load it again`, async ({ page }) => {
    const s = new SandboxPage(page);
    await s.wb.open();
    const protoBefore = await prototypeNames(page);
    await s.setup(source, 500);
    const row = s.wb.appRow('app-2');
    await expect(row).toContainText(
      "its code ran for 5000 ms (hookscope's limit for loading an app) without a break (an endless loop in its constructor or top-level code?)",
      { timeout: 60_000 },
    );
    await s.createRoom('after-hang');
    await expect(s.answer()).toHaveText('completed', { timeout: 30_000 });
    await expect(page.getByTestId('run-unloadable')).toContainText('loading the app did not finish');
    await s.createRoom('again');
    await expect(s.answer()).toHaveText('completed', { timeout: 30_000 });
    // Banned Words answered both; App 2 was never called and its load was not tried again.
    await expect(s.runEntries().filter({ hasText: /banned-words[\s\S]*returned in/ })).toHaveCount(2);
    await expect(s.runLog()).not.toContainText('executePreRoomCreatePrevent timed-out');
    expect(await prototypeNames(page)).toEqual(protoBefore);
    await s.expectIntact({ editorContains: 'end of the looping app', runsBefore: 2 });
    // Typing still echoes in time (the edit is also what gives the app another try).
    const echoed = await typeAndEcho(page, 'still typing after the hang');
    await expectEchoedInTime(page, echoed, `an endless loop in ${where}`);
  });
}
