/**
 * Workspaces for the run-view specs, written as a user would import them (scenario files): five
 * apps of a realistic mix, ten apps, and the three "why" cases (prevent, chain broken, swallowed).
 */
import { expect, type Page } from '@playwright/test';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { RunArea } from './run.ts';
import { SharePage } from './share.ts';
import { Workbench } from './workbench.ts';

const APP = "import { App } from '@rocket.chat/apps-engine/definition/App';";
const ACCESSORS = "import { IHttp, IModify, IPersistence, IRead, IRoomBuilder, IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';";
const ROOMS =
  "import { IRoom, IPreRoomCreatePrevent, IPreRoomCreateExtend, IPreRoomCreateModify, IPostRoomCreate } from '@rocket.chat/apps-engine/definition/rooms';";
const src = (body: string) => [APP, ACCESSORS, ROOMS, '', body.trim(), ''].join('\n');

export const prevent = (id: string, name: string, word: string) => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return room.slugifiedName.includes('${word}');
    }
}`),
});

export const tagger = (id = 'department-tagger', name = 'Department Tagger', key = 'department') => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<IRoom> {
        extend.addCustomField('${key}', 'engineering');
        return extend.getRoom();
    }
}`),
});

export const forgetfulTagger = (id = 'forgetful-tagger', name = 'Forgetful Tagger') => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPreRoomCreateExtend {
    public async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<any> {
        extend.addCustomField('department', 'engineering');
        // forgot: return extend.getRoom();
    }
}`),
});

export const renamer = (id = 'team-renamer', name = 'Team Renamer') => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
        builder.setSlugifiedName('team-' + room.slugifiedName);
        return builder.getRoom();
    }
}`),
});

export const auditThrows = (id = 'audit-log', name = 'Audit Log') => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPreRoomCreateModify {
    public async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
        throw new TypeError('audit store is full');
    }
}`),
});

export const greeter = (id = 'welcome-bot', name = 'Welcome Bot') => ({
  id,
  name,
  source: src(`
export class ${cls(name)} extends App implements IPostRoomCreate {
    public async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        this.getLogger().info('welcome to', room.slugifiedName);
    }
}`),
});

function cls(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '') + 'App';
}

const WORLD: Pick<ScenarioInput, 'users' | 'rooms'> = {
  users: [
    { id: 'u-alice', username: 'alice', name: 'Alice Admin', roles: ['admin', 'user'] },
    { id: 'u-bob', username: 'bob', name: 'Bob', roles: ['user'] },
  ],
  rooms: [{ id: 'r-general', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['bob'], isDefault: true }],
};

/** The per-call timeout is Rocket.Chat's 30 s: on a busy machine loading five apps at once can take seconds. */
export function scenario(apps: ScenarioInput['apps'], description: string): string {
  const s: ScenarioInput = { description, timeoutMs: 30_000, apps, ...WORLD, steps: [] };
  return JSON.stringify(s, null, 2);
}

/** Five apps: two Prevent, one Extend, one Modify, one Post create. */
export const FIVE_APPS = () =>
  scenario(
    [prevent('banned-words-filter', 'Banned Words Filter', 'casino'), prevent('quota-guard', 'Room Quota Guard', 'spam'), tagger(), renamer(), greeter()],
    'five apps',
  );

/** Ten apps: four Prevent, three Extend, two Modify, one Post create. */
export const TEN_APPS = () =>
  scenario(
    [
      prevent('banned-words-filter', 'Banned Words Filter', 'casino'),
      prevent('quota-guard', 'Room Quota Guard', 'spam'),
      prevent('naming-policy', 'Naming Policy Enforcer', 'zzz'),
      prevent('holiday-freeze', 'Holiday Freeze', 'yyy'),
      tagger(),
      tagger('cost-center', 'Cost Center Tagger', 'costCenter'),
      tagger('region-tagger', 'Region Tagger', 'region'),
      renamer(),
      renamer('prefixer', 'Prefixer'),
      greeter(),
    ],
    'ten apps',
  );

/** The three "why" cases of issue 13: a Prevent that decides, an Extend that forgot `return`, a Modify that throws. */
export const WHY_PREVENT = () =>
  scenario([prevent('casino-guard', 'Casino Guard', 'casino'), prevent('spam-guard', 'Spam Guard', 'spam'), greeter()], 'why: prevent');
export const WHY_CHAIN = () => scenario([tagger('cost-center', 'Cost Center Tagger', 'costCenter'), forgetfulTagger(), renamer()], 'why: chain broken');
export const WHY_SWALLOWED = () => scenario([tagger(), auditThrows(), greeter()], 'why: swallowed throw');

/**
 * Opens the page, imports `scenario` as a workspace file (safe load), creates `room` and waits
 * until the run has an outcome.
 */
export async function loadAndRun(page: Page, scenario: string, room: string, url = '/'): Promise<{ wb: Workbench; run: RunArea }> {
  const wb = new Workbench(page);
  await page.goto(url);
  await page.getByTestId('workbench').waitFor();
  await new SharePage(page).importFile('workspace.hookscope.json', scenario);
  await page.getByTestId('safe-load').click();
  await wb.setRoomName(room);
  await wb.run();
  const run = new RunArea(page);
  await expect(run.outcome()).not.toHaveAttribute('data-state', 'pending', { timeout: 30_000 });
  return { wb, run };
}
