/**
 * Accessors end to end, from real app classes: settings, persistence, http mocks, rooms read +
 * DM creation by the app's bot, the notifier, and a module the runtime does not provide.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, appLogLines, appRuns, callEnds, logLines, preventLogging } from '../test-support/apps-more.ts';
import { baseWorld, calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const settingsApp = () =>
  appClass(
    'greeter',
    'Greeter',
    ['IPreRoomCreatePrevent'],
    `  async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
    const settings = read.getEnvironmentReader().getSettings();
    this.getLogger().info('greeting=' + (await settings.getValueById('greeting')));
    try {
      await settings.getValueById('missing');
    } catch (e) {
      this.getLogger().info((e as Error).message);
    }
    return false;
  }
  protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
    await configuration.settings.provideSetting({ id: 'greeting', type: SettingType.STRING, packageValue: 'hello', required: false, public: false, i18nLabel: 'Greeting' });
  }`,
    {
      imports: `import { IConfigurationExtend } from '@rocket.chat/apps-engine/definition/accessors';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings';
`,
    },
  );

describe('accessors end to end', () => {
  it('(accessors) settings: getValueById answers the package value; an unknown id throws', async () => {
    engine = await makeEngine([settingsApp()]);
    const r = await engine.run({ action: 'createRoom', name: 's1', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r.runId)).toEqual(['greeting=hello', 'Setting "missing" does not exist.']);
  });

  it('(accessors) settings: a value set in the world (a scenario override) wins over the package value', async () => {
    const world = baseWorld();
    world.settings['greeter'] = {
      greeting: { id: 'greeting', type: 'string', packageValue: 'bonjour', value: 'bonjour', required: false, public: false, i18nLabel: 'greeting' },
    };
    engine = await makeEngine([settingsApp()], { world });
    const r = await engine.run({ action: 'createRoom', name: 's2', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r.runId)).toEqual(['greeting=bonjour', 'Setting "missing" does not exist.']);
    expect(engine.world.data.settings['greeter']?.['greeting']?.packageValue).toBe('hello');
  });

  it('(accessors) persistence: a record created with an association in one event is read back by association in another', async () => {
    engine = await makeEngine([
      appClass(
        'memo',
        'Memo',
        ['IPostRoomCreate', 'IPreRoomDeletePrevent'],
        `  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
    const assoc = new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, room.id);
    await persistence.createWithAssociation({ createdBy: room.creator.username }, assoc);
  }
  async executePreRoomDeletePrevent(room: IRoom, read: IRead): Promise<boolean> {
    const assoc = new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, room.id);
    const records = await read.getPersistenceReader().readByAssociation(assoc);
    this.getLogger().info(JSON.stringify(records));
    return records.length > 0;
  }`,
        { imports: `import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';\n` },
      ),
    ]);
    const created = await engine.run({ action: 'createRoom', name: 'remembered', type: 'c', creator: 'bob' });
    await created.settled;
    const del = await engine.run({ action: 'deleteRoom', room: 'remembered' });
    expect(logLines(engine.trace.events, del.runId)).toEqual(['[{"createdBy":"bob"}]']);
    expect(del.outcome).toBe('prevented');
    const plain = await engine.run({ action: 'deleteRoom', room: 'general' });
    expect(logLines(engine.trace.events, plain.runId)).toEqual(['[]']);
    expect(plain.outcome).toBe('completed');
  });

  it('(accessors) http: a mock answers the request; a request no mock matches throws a generic error (not prevented)', async () => {
    const world = baseWorld();
    world.httpMocks.push({ method: 'GET', url: 'https://policy.example/rooms/*', status: 200, data: { blocked: true } });
    engine = await makeEngine(
      [
        appClass(
          'policy',
          'Policy',
          ['IPreRoomCreatePrevent'],
          `  async executePreRoomCreatePrevent(room: IRoom, read: IRead, http: IHttp): Promise<boolean> {
    const host = room.slugifiedName.startsWith('x') ? 'https://elsewhere.example' : 'https://policy.example';
    const res = await http.get(host + '/rooms/' + room.slugifiedName, { params: { by: room.creator.username } });
    this.getLogger().info(res.statusCode + ' ' + JSON.stringify(res.data));
    return res.data.blocked === true;
  }`,
        ),
        preventLogging('after', 'After'),
      ],
      { world },
    );
    const mocked = await engine.run({ action: 'createRoom', name: 'checked', type: 'c', creator: 'alice' });
    expect(mocked.outcome).toBe('prevented');
    expect(logLines(engine.trace.events, mocked.runId)).toEqual(['200 {"blocked":true}']);
    expect(engine.world.data.httpLog.map((x) => [x.method, x.url, x.status])).toEqual([['GET', 'https://policy.example/rooms/checked?by=alice', 200]]);
    const unmocked = await engine.run({ action: 'createRoom', name: 'xray', type: 'c', creator: 'alice' });
    expect(unmocked.outcome).toBe('completed');
    expect(calls(engine.trace.events, unmocked.runId)).toEqual([
      ['policy', 'executePreRoomCreatePrevent', 'threw'],
      ['after', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    const [end] = callEnds(engine.trace.events, unmocked.runId);
    expect(end?.error?.message).toBe(
      'No HTTP mock matches GET https://elsewhere.example/rooms/xray?by=alice. hookscope never uses the network: add an HTTP mock for this URL in the world (method and URL glob, e.g. "https://api.example.com/*").',
    );
  });

  it("(accessors) the app's bot opens a DM with getDirectByUsernames + startRoom; the second time it finds the existing one", async () => {
    engine = await makeEngine([
      appClass(
        'concierge',
        'Concierge',
        ['IPostRoomCreate'],
        `  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    if (room.type === RoomType.DIRECT_MESSAGE) return;
    const bot = (await read.getUserReader().getAppUser())!;
    const names = [bot.username, room.creator.username];
    const existing = await read.getRoomReader().getDirectByUsernames(names);
    if (existing) {
      this.getLogger().info('found ' + existing.id);
      return;
    }
    const builder = modify.getCreator().startRoom().setType(RoomType.DIRECT_MESSAGE).setCreator(bot).setMembersToBeAddedByUsernames(names);
    this.getLogger().info('opened ' + (await modify.getCreator().finish(builder)));
  }`,
      ),
    ]);
    const first = await engine.run({ action: 'createRoom', name: 'one', type: 'c', creator: 'alice' });
    await first.settled;
    await engine.settle();
    const bot = engine.world.data.users.find((u) => u.appId === 'concierge');
    expect([bot?.username, bot?.type, bot?.roles]).toEqual(['concierge.bot', 'app', ['app']]);
    const dms = engine.world.data.rooms.filter((room) => room.type === 'd');
    expect(dms.map((d) => [...d.memberIds].sort())).toEqual([[bot?.id, 'u-alice'].sort()]);
    const dmId = dms[0]!.id;
    expect(appRuns(engine.trace.events).map((x) => [x.appId, x.action])).toEqual([['concierge', 'createRoom']]);
    const second = await engine.run({ action: 'createRoom', name: 'two', type: 'c', creator: 'alice' });
    await second.settled;
    await engine.settle();
    expect(appLogLines(engine.trace.events, 'concierge')).toEqual([`opened ${dmId}`, `found ${dmId}`]);
    expect(engine.world.data.rooms.filter((room) => room.type === 'd')).toHaveLength(1);
  });

  it('(accessors) notifyUser creates an ephemeral notification from the app user, not a message', async () => {
    engine = await makeEngine([
      appClass(
        'hint',
        'Hint',
        ['IPostRoomUserJoined'],
        `  async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    const notifier = modify.getNotifier();
    const msg = notifier.getMessageBuilder().setRoom(context.room).setText('psst, ' + context.joiningUser.username).getMessage();
    await notifier.notifyUser(context.joiningUser, msg);
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await r.settled;
    const bot = engine.world.data.users.find((u) => u.appId === 'hint');
    expect(engine.world.data.notifications.map((n) => [n.appId, n.target, n.roomId, n.senderId, n.text])).toEqual([
      ['hint', { kind: 'user', userId: 'u-root' }, 'r-general', bot?.id, 'psst, root'],
    ]);
    expect(engine.world.data.messages.filter((m) => !m.system)).toEqual([]);
  });

  it("(accessors) an import of 'axios' fails to load with a message naming the module; other apps still run", async () => {
    engine = await makeEngine([
      appClass(
        'fetcher',
        'Fetcher',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(): Promise<boolean> {
    return (await axios.get('https://x.example')).data === 'no';
  }`,
        { imports: `import axios from 'axios';\n` },
      ),
      preventLogging('fine', 'Fine'),
    ]);
    expect(engine.registry.get('fetcher')?.loadError).toMatch(
      /^require: Module "axios" is not allowed: the Rocket.Chat apps runtime does not provide it\..* \(at Fetcher\.ts:7\)$/,
    );
    const r = await engine.run({ action: 'createRoom', name: 'ax', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['fine saw ax']);
  });
});
