import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/runtime-protocol.ts';
import type { Harness } from './test-harness.ts';
import { HTTP, MODIFY, PERSIS, READ, appSource, roomArg, startHarness } from './test-harness.ts';

let h: Harness;
afterEach(() => h?.dispose());

const ROOM = { slugifiedName: 'general', displayName: 'General', type: 'c', createdAt: new Date('2024-01-02T03:04:05.000Z'), customFields: { a: 1 } };

describe('load', () => {
  it('loads a real app class importing a helper by relative path', async () => {
    h = startHarness();
    const loaded = await h.load({
      'MyApp.ts': [
        "import { App } from '@rocket.chat/apps-engine/definition/App';",
        "import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';",
        "import { isBad } from './lib/rules';",
        'export class MyApp extends App implements IPreRoomCreatePrevent {',
        '  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> { return isBad(room.slugifiedName); }',
        '  helper = () => 1;',
        '}',
      ].join('\n'),
      'lib/rules.ts': "export const isBad = (s: string): boolean => s === 'bad';",
    });
    expect(loaded).toEqual({
      v: PROTOCOL_VERSION,
      type: 'loaded',
      ok: true,
      className: 'MyApp',
      methods: ['executePreRoomCreatePrevent', 'helper'],
      settings: [],
    });

    const bad = await h.call('executePreRoomCreatePrevent', [roomArg({ ...ROOM, slugifiedName: 'bad' }), READ, HTTP, PERSIS, MODIFY]);
    expect(bad.result).toEqual({ v: 1, type: 'result', callId: bad.result.callId, ok: true, value: true, pending: { timers: 0, intervals: 0, requests: 0 } });
    const ok = await h.call('executePreRoomCreatePrevent', [roomArg(ROOM), READ, HTTP, PERSIS, MODIFY]);
    expect(ok.result.ok && ok.result.value).toBe(false);
    expect(ok.pending).toMatchObject({ timers: 0, intervals: 0, requests: 0 });
  });

  it('collects settings from extendConfiguration', async () => {
    h = startHarness();
    const loaded = await h.load({
      'MyApp.ts': appSource(
        "  protected async extendConfiguration(c: any) { await c.settings.provideSetting({ id: 'max', type: 'number', packageValue: 3, required: true, public: false, i18nLabel: 'Max' }); await c.slashCommands.provideSlashCommand({ command: 'x' }); }",
      ),
    });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.settings.map((s) => [s.id, s.packageValue, s.required])).toEqual([['max', 3, true]]);
  });

  it('fails in phase require with a message naming a module the runtime does not provide', async () => {
    h = startHarness();
    const loaded = await h.load({ 'MyApp.ts': "import axios from 'axios';\nconst get = axios.get;\n" + appSource('') });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.phase).toBe('require');
    expect(loaded.error.message).toMatch(/^Module "axios" is not allowed: the Rocket\.Chat apps runtime does not provide it/);
    expect(loaded.error.message).toContain('(at MyApp.ts:1)');
  });

  it('fails in phase transpile naming file, line and column', async () => {
    h = startHarness();
    const loaded = await h.load({ 'MyApp.ts': appSource(''), 'x.ts': '' });
    expect(loaded.ok).toBe(true);
    h.dispose();
    h = startHarness();
    const bad = await h.load({ 'MyApp.ts': "import './lib';\n" + appSource(''), 'lib/index.ts': 'const a = ;' });
    expect(bad).toMatchObject({
      ok: false,
      phase: 'transpile',
      error: { code: -32603, className: 'TranspileError', message: 'lib/index.ts:1:11: Unexpected token' },
    });
  });

  it('fails in phase construct / enable with the app file and line (spec 7.2)', async () => {
    h = startHarness();
    const c = await h.load({ 'MyApp.ts': appSource("  constructor(a: any, b: any, c: any) { super(a, b, c); throw new RangeError('no'); }") });
    expect(c).toMatchObject({ ok: false, phase: 'construct', error: { className: 'RangeError', message: 'no (at MyApp.ts:4)' } });
    h.dispose();
    h = startHarness();
    const i = await h.load({ 'MyApp.ts': appSource('  async onEnable() { return false; }') });
    expect(i).toMatchObject({ ok: false, phase: 'enable', error: { message: 'onEnable returned false' } });
    h.dispose();
    h = startHarness();
    const init = await h.load({ 'MyApp.ts': appSource("  async initialize() { throw new Error('init broke'); }") });
    expect(init).toMatchObject({ ok: false, phase: 'initialize', error: { message: 'init broke (at MyApp.ts:4)' } });
    h.dispose();
    h = startHarness();
    const nothing = await h.load({ 'MyApp.ts': 'export const x = 1;' });
    expect(nothing).toMatchObject({
      ok: false,
      phase: 'construct',
      error: { message: 'MyApp.ts must export the app class as its first export, but its first export is number' },
    });
  });
});
