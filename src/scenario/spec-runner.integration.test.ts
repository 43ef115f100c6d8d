/**
 * The headless runner: scenario validation (problems with their exact path) and the CLI's exit
 * codes (0 ran and every expect matched, 1 an expect mismatched, 2 bad input).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { parseScenario, parseScenarioText } from './schema.ts';

const PREVENT_SOURCE = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IConfigurationExtend } from '@rocket.chat/apps-engine/definition/accessors';
import { SettingType } from '@rocket.chat/apps-engine/definition/settings';

export class NoPrefix extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
    const prefix = await read.getEnvironmentReader().getSettings().getValueById('prefix');
    this.getLogger().info('prefix is ' + prefix);
    return room.slugifiedName.startsWith(prefix);
  }
  protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
    await configuration.settings.provideSetting({ id: 'prefix', type: SettingType.STRING, packageValue: 'tmp-', required: false, public: false, i18nLabel: 'Prefix' });
  }
}
`;

function scenario(steps: unknown[], extra: Record<string, unknown> = {}) {
  return {
    timeoutMs: 5000,
    apps: [{ id: 'noprefix', name: 'No Prefix', source: PREVENT_SOURCE }],
    users: [
      { id: 'u1', username: 'alice' },
      { id: 'u2', username: 'bob' },
    ],
    rooms: [{ id: 'r1', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['bob'] }],
    steps,
    ...extra,
  };
}

describe('parseScenario: problems name the exact path', () => {
  it('(runner) a field of the wrong type', () => {
    const out = parseScenario({ timeoutMs: 'soon', steps: [{ action: 'joinRoom', room: 'general', user: 7 }] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => p.path)).toEqual(['timeoutMs', 'steps[0].user']);
    for (const p of out.problems) expect(p.message).toMatch(/expected string|expected number/);
  });

  it('(runner) an app with "files" but no classFile, and one whose classFile is not among its files', () => {
    const out = parseScenario({
      apps: [
        { id: 'a', name: 'A', files: { 'A.ts': 'export class A {}' } },
        { id: 'b', name: 'B', files: { 'B.ts': 'export class B {}' }, classFile: 'Main.ts' },
      ],
    });
    expect(out).toEqual({
      ok: false,
      problems: [
        { path: 'apps[0].classFile', message: 'is required with "files" (or an app.json with classFile)' },
        { path: 'apps[1].classFile', message: 'names "Main.ts", which is not among "files"' },
      ],
    });
  });

  it('(runner) an unknown username in a room', () => {
    const out = parseScenario({
      users: [{ id: 'u1', username: 'alice' }],
      rooms: [{ id: 'r', slugifiedName: 'x', type: 'c', creator: 'alice', members: ['alice', 'zed'] }],
    });
    expect(out).toEqual({ ok: false, problems: [{ path: 'rooms[0].members[1]', message: 'unknown username "zed" (not in "users")' }] });
  });

  it('(runner) text that is not JSON', () => {
    const out = parseScenarioText('{ "apps": [ }');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]?.path).toBe('(file)');
    expect(out.problems[0]?.message).toMatch(/^not valid JSON: /);
  });
});

describe('hookscope run: exit codes', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookscope-spec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(name: string, content: unknown | null): Promise<{ code: number; out: string[]; err: string[] }> {
    const file = join(dir, name);
    if (content !== null) await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['run', file], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out, err };
  }

  it('(runner) a missing file: 2', async () => {
    const r = await run('missing.json', null);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`hookscope: cannot read ${join(dir, 'missing.json')}: ENOENT`]);
    expect(JSON.parse(r.out.join('\n'))).toMatchObject({ passed: false, files: [{ passed: false, problems: [expect.stringContaining('ENOENT')] }] });
  });

  it('(runner) a malformed file: 2, with each problem and its path', async () => {
    const r = await run('bad.json', { apps: [{ id: 'a', name: 'A', files: { 'A.ts': '' } }], steps: [{ action: 'explode' }] });
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`hookscope: ${join(dir, 'bad.json')} is not a valid scenario:`);
    expect(r.err.slice(1).map((l) => l.split(':')[0])).toEqual(['  apps[0].classFile', '  steps[0].action']);
    const r2 = await run('bad2.json', { apps: [{ id: 'a', name: 'A', files: { 'A.ts': '' } }] });
    expect(r2.code).toBe(2);
    expect(r2.err.slice(1)).toEqual(['  apps[0].classFile: is required with "files" (or an app.json with classFile)']);
  });

  it('(runner) every expect matches: 0, and the report shows the settings override from the scenario', async () => {
    const r = await run(
      'ok.json',
      scenario(
        [
          { action: 'createRoom', name: 'new-stuff', type: 'c', creator: 'alice', expect: { outcome: 'prevented', errorCode: 'error-app-prevented' } },
          { action: 'createRoom', name: 'tmp-stuff', type: 'c', creator: 'alice', expect: { outcome: 'completed', errorCode: null } },
        ],
        { settings: { noprefix: { prefix: 'new-' } } },
      ),
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out.join('\n')) as { passed: boolean; steps: { outcome: string; logs: { text: string }[] }[] };
    expect(report.passed).toBe(true);
    expect(report.steps.map((s) => [s.outcome, s.logs.map((l) => l.text)])).toEqual([
      ['prevented', ['prefix is new-']],
      ['completed', ['prefix is new-']],
    ]);
  });

  it('(runner) an expect that does not match: 1, naming the step', async () => {
    const r = await run('mismatch.json', scenario([{ action: 'createRoom', name: 'tmp-x', type: 'c', creator: 'alice', expect: { outcome: 'completed' } }]));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `hookscope: ${join(dir, 'mismatch.json')}: step 0 (createRoom): expected outcome completed, got prevented (error-app-prevented: A Rocket.Chat App prevented the room creation.)`,
    ]);
  });
});

describe('hookscope run: the progress line of a step that waits for a timeout', () => {
  const HANG_SOURCE = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

export class Slow extends App implements IPreRoomUserJoined {
  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    await new Promise((r) => setTimeout(r, 60000));
  }
}
`;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookscope-progress-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // The timeout is the file's (spec §5: configurable, APPS_ENGINE_RUNTIME_TIMEOUT): the line said
  // "each call times out after 30 s" while the file ran, because it learnt the file's timeout only
  // once the file had finished.
  it("(runner) names the file's own timeout while the file runs", async () => {
    const file = join(dir, 'slow.json');
    await writeFile(
      file,
      JSON.stringify({
        timeoutMs: 4000,
        apps: [{ id: 'slow', name: 'Slow', source: HANG_SOURCE }],
        users: [
          { id: 'u1', username: 'alice' },
          { id: 'u2', username: 'bob' },
        ],
        rooms: [{ id: 'r1', slugifiedName: 'general', type: 'c', creator: 'alice' }],
        steps: [{ action: 'joinRoom', room: 'general', user: 'bob', expect: { outcome: 'completed', calls: [{ app: 'Slow', status: 'timed-out' }] } }],
      }),
    );
    const err: string[] = [];
    const code = await main(['run', file], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(0);
    expect(err).toEqual([`hookscope: ${file}: step 1/1 (joinRoom) still running after 3 s (each call times out after 4 s)`]);
  }, 20000);
});

describe('scenario rooms: a discussion names its parent room', () => {
  // RC discussions carry `prid`; the app's room converter hands it to apps as `room.parentRoom`
  // (spec §6 maps `parentRoom` by id). RocketChat/App.Rocket.Chat.Autojoin.Discussions returns early
  // on `context.room.parentRoom`, which a scenario could not reach without this field.
  const PARENT_SOURCE = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

export class Parent extends App implements IPreRoomUserJoined {
  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    this.getLogger().info('parent: ' + (context.room.parentRoom ? context.room.parentRoom.id + ' ' + context.room.parentRoom.slugifiedName : 'none'));
  }
}
`;
  const world = (rooms: unknown[]) => ({
    timeoutMs: 5000,
    apps: [{ id: 'parent', name: 'Parent', source: PARENT_SOURCE }],
    users: [
      { id: 'u1', username: 'alice' },
      { id: 'u2', username: 'bob' },
    ],
    rooms,
  });

  it('(runner) the parent reaches apps as room.parentRoom', async () => {
    const { runScenario } = await import('./run-scenario.ts');
    const { nodeTransports } = await import('../node/node-transport.ts');
    const parsed = parseScenario({
      ...world([
        { id: 'r-eng', slugifiedName: 'engineering', type: 'c', creator: 'alice' },
        { id: 'r-disc', slugifiedName: 'release-planning', type: 'p', creator: 'alice', parentRoom: 'r-eng' },
      ]),
      steps: [
        {
          action: 'joinRoom',
          room: 'release-planning',
          user: 'bob',
          inviter: 'alice',
          expect: { logs: [{ app: 'Parent', text: 'parent: r-eng engineering' }] },
        },
        { action: 'joinRoom', room: 'engineering', user: 'bob', expect: { logs: [{ app: 'Parent', text: 'parent: none' }] } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const report = await runScenario(parsed.scenario, { transports: await nodeTransports() });
    expect(report.failures).toEqual([]);
  }, 30000);

  it('(runner) a parent that is not another room of the file is refused with its path', () => {
    const out = parseScenario(world([{ id: 'r-disc', slugifiedName: 'x', type: 'p', creator: 'alice', parentRoom: 'r-nowhere' }]));
    expect(out).toEqual({
      ok: false,
      problems: [{ path: 'rooms[0].parentRoom', message: 'names "r-nowhere", which is not the id of another room in "rooms"' }],
    });
  });
});

describe('scenario expect: the HTTP requests apps made', () => {
  // Spec 7.3: `http` and `fetch` both go to the world's HTTP mocks, never the network; the report
  // lists each request per step, and `http` / `noHttp` in `expect` check them.
  const CALLER_SOURCE = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IHttp, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IPostRoomUserJoined, IRoomUserJoinedContext } from '@rocket.chat/apps-engine/definition/rooms';

export class Caller extends App implements IPostRoomUserJoined {
  async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp): Promise<void> {
    if (context.room.slugifiedName !== 'general') return;
    await http.post('https://api.example/members', { data: { user: context.joiningUser.username } });
    const res = await fetch('https://api.example/welcome?lang=en');
    this.getLogger().info('welcome ' + res.status);
  }
}
`;
  it('(runner) lists http and fetch requests in the report and checks them', async () => {
    const { runScenario } = await import('./run-scenario.ts');
    const { nodeTransports } = await import('../node/node-transport.ts');
    const parsed = parseScenario({
      timeoutMs: 5000,
      apps: [{ id: 'caller', name: 'Caller', source: CALLER_SOURCE }],
      users: [
        { id: 'u1', username: 'alice' },
        { id: 'u2', username: 'bob' },
        { id: 'u3', username: 'carol' },
      ],
      rooms: [
        { id: 'r1', slugifiedName: 'general', type: 'c', creator: 'alice' },
        { id: 'r2', slugifiedName: 'quiet', type: 'c', creator: 'alice' },
      ],
      httpMocks: [
        { method: 'POST', url: 'https://api.example/members', status: 201, data: {} },
        { method: 'GET', url: 'https://api.example/welcome*', status: 200, data: { text: 'hi' } },
      ],
      steps: [
        {
          action: 'joinRoom',
          room: 'general',
          user: 'bob',
          expect: {
            http: [
              { app: 'Caller', method: 'post', url: '/members', status: 201, request: { data: { user: 'bob' } } },
              { method: 'GET', url: 'welcome?lang=en', status: 200 },
            ],
            noHttp: [{ method: 'DELETE' }],
          },
        },
        { action: 'joinRoom', room: 'quiet', user: 'carol', expect: { noHttp: [{}] } },
        { action: 'joinRoom', room: 'general', user: 'carol', expect: { http: [{ method: 'DELETE' }] } },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const report = await runScenario(parsed.scenario, { transports: await nodeTransports() });
    expect(report.steps[0]?.http.map((h) => `${h.app} ${h.method} ${h.url} ${h.status}`)).toEqual([
      'caller POST https://api.example/members 201',
      'caller GET https://api.example/welcome?lang=en 200',
    ]);
    expect(report.steps[1]?.http).toEqual([]);
    // Only the last step's expect fails, and says what was requested instead.
    expect(report.failures).toEqual([
      'step 2 (joinRoom): expected an HTTP request {"method":"DELETE"}; got POST https://api.example/members -> 201; GET https://api.example/welcome?lang=en -> 200',
    ]);
  }, 30000);
});

describe('parseScenario: keys a file controls are data (issue 18)', () => {
  const withMaps = (maps: string) =>
    JSON.stringify(scenario([{ action: 'createRoom', name: 'x', type: 'c', creator: 'alice' }])).replace('"steps"', `${maps}, "steps"`);

  it('(runner) a __proto__ key anywhere is refused with its path, before anything reads the file', () => {
    const parsed = parseScenarioText(withMaps('"settings": { "__proto__": { "prefix": "x" } }'));
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      { path: 'settings.__proto__', message: 'the key __proto__ is not allowed: keys are data, and this one names the prototype of every object' },
    ]);
    expect(Object.prototype).not.toHaveProperty('prefix');
  });

  it('(runner) constructor, toString... as app ids, setting ids or persistence keys are refused with their path', () => {
    const parsed = parseScenarioText(withMaps('"settings": { "noprefix": { "constructor": 1 } }, "persistence": { "toString": [] }'));
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['settings.noprefix.constructor', 'persistence.toString']));
  });
});
