/**
 * Spec 7.2, the app's life before any event: install (bot user), initialize (declared settings
 * stored before onEnable), enable (onEnable false / throw = not enabled; load failure = not
 * enabled; listener order = order of successful enables). Fixture projects in fixtures/lifecycle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';
import { appClass, logLines, preventLogging } from '../test-support/apps-more.ts';
import { fixtureApp } from '../test-support/fixture-project.ts';
import type { TraceEvent } from './trace.ts';

let engine: Engine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

/** Log lines of loading the app (construct, initialize, onEnable): logged outside any call. */
const loadLogs = (events: readonly TraceEvent[], appId: string) => logLines(events.filter((e) => e.type === 'log' && e.appId === appId && e.callId === null));

const planOf = (events: readonly TraceEvent[], runId: string) => {
  const start = events.find((e) => e.type === 'run-start' && e.runId === runId);
  return start && start.type === 'run-start' ? start.plan : [];
};

describe('spec 7.2: install and initialize', () => {
  it('the bot user <slug>.bot exists from install and the declared settings are readable in onEnable', async () => {
    engine = await makeEngine([fixtureApp('lifecycle/greeter')]);
    const app = engine.registry.get('fixture-greeter');
    expect(app?.loadError).toBeNull();
    const bot = engine.world.userByUsername('greeter.bot');
    expect(bot).toMatchObject({ roles: ['app'], type: 'app', appId: 'fixture-greeter', name: 'Greeter' });
    expect(loadLogs(engine.trace.events, 'fixture-greeter')).toContain('enabled as greeter.bot: bot user found');
    // initialize stored every declared setting with its package value
    expect(engine.world.appSetting('fixture-greeter', 'greeting')).toMatchObject({ packageValue: 'Welcome to', type: 'string' });

    const r = await engine.run({ action: 'createRoom', name: 'garden', type: 'c', creator: 'alice' });
    await r.settled;
    const messages = engine.world.data.messages.filter((m) => m.roomId === r.roomId);
    expect(messages.map((m) => [m.text, m.senderId])).toEqual([['Welcome to garden!', bot?.id]]);
  });

  it("an admin's value (the world's) wins over the package value, and is what onEnable reads", async () => {
    const { baseWorld } = await import('../test-support/worlds.ts');
    const world = baseWorld();
    world.settings['fixture-greeter'] = {
      greeting: { id: 'greeting', type: 'string', packageValue: 'x', value: 'Hello from', required: false, public: false, i18nLabel: 'Greeting' },
    };
    engine = await makeEngine([fixtureApp('lifecycle/greeter')], { world });
    const r = await engine.run({ action: 'createRoom', name: 'porch', type: 'c', creator: 'alice' });
    await r.settled;
    expect(engine.world.data.messages.map((m) => m.text)).toEqual(['Hello from porch!']);
    expect(engine.world.appSetting('fixture-greeter', 'greeting')).toMatchObject({ packageValue: 'Welcome to', value: 'Hello from' });
  });

  it('the bot user name is taken by someone else: the install is refused, the app is not enabled', async () => {
    const { baseWorld, user } = await import('../test-support/worlds.ts');
    const world = baseWorld();
    world.users.push(user('u-impostor', 'greeter.bot'));
    engine = await makeEngine([fixtureApp('lifecycle/greeter')], { world });
    const app = engine.registry.get('fixture-greeter');
    expect(app?.notEnabled).toMatchObject({ phase: 'install', message: expect.stringContaining('"greeter.bot" is already being used') as string });
    expect(engine.registry.listeners('IPostRoomCreate')).toEqual([]);
  });
});

describe('spec 7.2: enable', () => {
  it('onEnable returning false: not enabled, never called, shown in the run plan with why', async () => {
    engine = await makeEngine([fixtureApp('lifecycle/enable-refused')]);
    const app = engine.registry.get('fixture-enable-refused');
    expect(app?.notEnabled).toEqual({ phase: 'enable', message: 'onEnable returned false' });
    expect(app?.loadError).toBe('not enabled: onEnable returned false');
    expect(loadLogs(engine.trace.events, 'fixture-enable-refused')).toContain('no API key configured: not enabling');
    const r = await engine.run({ action: 'createRoom', name: 'open-room', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
    const prevent = planOf(engine.trace.events, r.runId).find((s) => s.kind === 'event' && s.event === 'IPreRoomCreatePrevent');
    expect(prevent).toMatchObject({ listeners: [], ignored: [{ appId: 'fixture-enable-refused', reason: 'not-enabled', detail: 'onEnable returned false' }] });
  });

  it('with its setting configured the same app is enabled and prevents', async () => {
    const { baseWorld } = await import('../test-support/worlds.ts');
    const world = baseWorld();
    world.settings['fixture-enable-refused'] = {
      api_key: { id: 'api_key', type: 'string', packageValue: '', value: 'k-123', required: true, public: false, i18nLabel: 'API key' },
    };
    engine = await makeEngine([fixtureApp('lifecycle/enable-refused')], { world });
    const r = await engine.run({ action: 'createRoom', name: 'any', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
  });

  it('onEnable scheduling a job (configurationModify.scheduler): enabled, the job id answered and the call in the trace; no job runs', async () => {
    engine = await makeEngine([
      appClass(
        'sched',
        'Sched',
        ['IPreRoomCreatePrevent'],
        `  async onEnable(environment: IEnvironmentRead, configurationModify: IConfigurationModify): Promise<boolean> {
    const id = await configurationModify.scheduler.scheduleRecurring({ id: 'tick', interval: '5 minutes' });
    this.getLogger().info('scheduled ' + typeof id);
    await configurationModify.scheduler.cancelJob('tick');
    return true;
  }
  async executePreRoomCreatePrevent(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<boolean> {
    await modify.getScheduler().scheduleOnce({ id: 'later', when: 'in 1 minute', data: { room: room.slugifiedName } });
    return false;
  }`,
      ),
    ]);
    expect(engine.registry.get('sched')?.loadError).toBeNull();
    expect(loadLogs(engine.trace.events, 'sched')).toContain('scheduled string');
    const r = await engine.run({ action: 'createRoom', name: 'garden', type: 'c', creator: 'alice' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    const ops = engine.trace.events.flatMap((e) => (e.type === 'accessor' && e.op.startsWith('scheduler.') ? [e.op] : []));
    expect(ops).toEqual(['scheduler.schedule', 'scheduler.cancel', 'scheduler.schedule']);
  });

  it('onInstall runs once, at install, before initialize, with the installing admin and working accessors; a reload does not run it again', async () => {
    const source = (mark: string) =>
      appClass(
        'inst',
        'Inst',
        ['IPreRoomCreatePrevent'],
        `  async onInstall(context: IAppInstallationContext, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
    this.getLogger().info('install by ' + (context.user && context.user.username));
    await persistence.createWithAssociation({ secret: 's3' }, new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'secret'));
  }
  protected async extendConfiguration(): Promise<void> {
    this.getLogger().info('initialize');
  }
  async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
    const [record] = await read.getPersistenceReader().readByAssociation(new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'secret'));
    this.getLogger().info('${mark} ' + JSON.stringify(record));
    return false;
  }`,
        { imports: "import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';\n" },
      );
    engine = await makeEngine([source('v1')]);
    const r = await engine.run({ action: 'createRoom', name: 'garden', type: 'c', creator: 'alice' });
    await r.settled;
    const load = loadLogs(engine.trace.events, 'inst').filter((l) => !l.startsWith('Constructed'));
    expect(load.filter((l) => l !== 'obj')).toEqual(['install by root', 'initialize']);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['v1 {"secret":"s3"}']);

    await engine.updateApp(source('v2'));
    const again = await engine.run({ action: 'createRoom', name: 'garden-2', type: 'c', creator: 'alice' });
    await again.settled;
    expect(logLines(engine.trace.events, again.runId)).toEqual(['v2 {"secret":"s3"}']);
    expect(loadLogs(engine.trace.events, 'inst').filter((l) => l.startsWith('install'))).toEqual(['install by root']);
  });

  it('onInstall throwing: logged as an error of the install, the app is still enabled (AppManager.add goes on to initialize and enable)', async () => {
    engine = await makeEngine([
      appClass(
        'badinst',
        'BadInst',
        ['IPreRoomCreatePrevent'],
        `  async onInstall(): Promise<void> {
    throw new Error('no secret');
  }
  async executePreRoomCreatePrevent(): Promise<boolean> {
    return true;
  }`,
      ),
    ]);
    expect(engine.registry.get('badinst')?.loadError).toBeNull();
    const errors = engine.trace.events.filter((e) => e.type === 'log' && e.appId === 'badinst' && e.level === 'error');
    expect(errors.map((e) => (e.type === 'log' ? JSON.stringify(e.args) : ''))).toEqual([expect.stringContaining('onInstall threw an error: no secret')]);
    const r = await engine.run({ action: 'createRoom', name: 'garden', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
  });

  it('onEnable throwing: not enabled, the error is kept', async () => {
    engine = await makeEngine([
      appClass(
        'thrower',
        'Thrower',
        ['IPreRoomCreatePrevent'],
        `  async onEnable(): Promise<boolean> { throw new TypeError('no config'); }
  async executePreRoomCreatePrevent(): Promise<boolean> { return true; }`,
      ),
    ]);
    expect(engine.registry.get('thrower')?.notEnabled).toMatchObject({
      phase: 'enable',
      message: expect.stringMatching(/^onEnable threw TypeError: no config/) as string,
    });
    const r = await engine.run({ action: 'createRoom', name: 'x', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
  });

  it('code that fails to load is never enabled and never "called" (no method it lacks is listed)', async () => {
    const broken = appClass(
      'broken',
      'Broken',
      ['IPostRoomCreate'],
      `  async executePostRoomCreate(room: IRoom): Promise<void> {
    const x = ;
  }`,
    );
    const missing = appClass('missing', 'Missing', ['IPostRoomCreate'], `  async executePostRoomCreate(room: IRoom): Promise<void> { helper(room); }`, {
      imports: "import { helper } from './not-there';\n",
    });
    engine = await makeEngine([broken, missing, preventLogging('good', 'Good')]);
    expect(engine.registry.get('broken')?.notEnabled?.phase).toMatch(/^(transpile|require)$/);
    expect(engine.registry.get('missing')?.notEnabled).toMatchObject({ phase: 'require', message: expect.stringContaining('./not-there') as string });
    const r = await engine.run({ action: 'createRoom', name: 'y', type: 'c', creator: 'alice' });
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([['good', 'executePreRoomCreatePrevent', 'returned']]);
    const post = planOf(engine.trace.events, r.runId).find((s) => s.kind === 'event' && s.event === 'IPostRoomCreate');
    // The file that does not parse has no implements list (the compiler would refuse it); the other is shown as not enabled.
    expect(post).toMatchObject({
      listeners: [],
      ignored: [{ appId: 'missing', reason: 'not-enabled', detail: expect.stringMatching(/^its code failed to load \(require\): /) as string }],
    });
  });

  it('listener order is the order of successful enables: a fixed app joins at the end', async () => {
    const refusing = (id: string, ok: string) =>
      appClass(
        id,
        id.toUpperCase(),
        ['IPreRoomCreatePrevent'],
        `  async onEnable(): Promise<boolean> { return ${ok}; }
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> { this.getLogger().info('${id}'); return false; }`,
      );
    engine = await makeEngine([refusing('a', 'false'), preventLogging('b', 'B'), preventLogging('c', 'C')]);
    const r1 = await engine.run({ action: 'createRoom', name: 'o1', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r1.runId).map((c) => c[0])).toEqual(['b', 'c']);
    // The user enables it again: still refused, still not a listener.
    engine.registry.disable('a');
    engine.registry.enable('a');
    expect(engine.registry.enabledInOrder().map((a) => a.def.id)).toEqual(['b', 'c']);
    await engine.updateApp(refusing('a', 'true'));
    const r2 = await engine.run({ action: 'createRoom', name: 'o2', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r2.runId).map((c) => c[0])).toEqual(['b', 'c', 'a']);
  });

  it('an app refused by onEnable that is essential for the event counts as disabled (§2)', async () => {
    const essential = appClass(
      'ess',
      'Ess',
      ['IPreRoomCreatePrevent'],
      `  async onEnable(): Promise<boolean> { return false; }
  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }`,
      { essentials: ['IPreRoomCreatePrevent'] },
    );
    engine = await makeEngine([essential]);
    const r = await engine.run({ action: 'createRoom', name: 'z', type: 'c', creator: 'alice' });
    expect(r.error?.code).toBe('error-essential-app-disabled');
  });
});

describe('spec 2: implements from the syntax tree', () => {
  it('a regex literal holding a brace above the class: the handler is still registered and called', async () => {
    engine = await makeEngine([fixtureApp('lifecycle/regex-guard')]);
    expect(engine.registry.get('fixture-regex-guard')?.implements).toEqual(['IPreRoomCreatePrevent']);
    const r = await engine.run({ action: 'createRoom', name: 'blocked-room', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    const ok = await engine.run({ action: 'createRoom', name: 'fine-room', type: 'c', creator: 'alice' });
    expect(ok.outcome).toBe('completed');
  });
});
