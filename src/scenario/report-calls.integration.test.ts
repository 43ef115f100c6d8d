/**
 * The report's `calls`: a handler that was skipped or not reached is named by its real method, and
 * calls made inside actions an app started during the step are listed too (marked with `appRun`).
 * Both seen while running public apps (Autojoin Discussions adds the joining user to discussions).
 */
import { describe, expect, it } from 'vitest';
import { nodeTransports } from '../node/node-transport.ts';
import { runScenario } from './run-scenario.ts';
import { parseScenario } from './schema.ts';

const app = (id: string, body: string, implementsList: string) => ({
  id,
  name: id,
  source: `import { App } from '@rocket.chat/apps-engine/definition/App';
import { ${implementsList} } from '@rocket.chat/apps-engine/definition/rooms';
export class ${id}App extends App implements ${implementsList} {
${body}
}
`,
});

async function run(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return runScenario(parsed.scenario, { transports: await nodeTransports() });
}

describe('report calls', () => {
  it('(spec §4 Prevent) a handler not reached after a prevent is reported by its method name, so expect can name it', async () => {
    const report = await run({
      timeoutMs: 5000,
      apps: [
        app('A', '  async executePreRoomCreatePrevent() { return true; }', 'IPreRoomCreatePrevent'),
        app('B', '  async executePreRoomCreatePrevent() { return false; }', 'IPreRoomCreatePrevent'),
      ],
      users: [{ id: 'u1', username: 'alice' }],
      steps: [
        {
          action: 'createRoom',
          name: 'x',
          type: 'c',
          creator: 'alice',
          expect: { outcome: 'prevented', calls: [{ app: 'B', method: 'executePreRoomCreatePrevent', status: 'not-reached' }] },
        },
      ],
    });
    expect(report.steps[0]?.calls.map((c) => `${c.app}.${c.method}:${c.status}`)).toEqual([
      'A.executePreRoomCreatePrevent:returned',
      'B.executePreRoomCreatePrevent:not-reached',
    ]);
    expect(report.passed).toBe(true);
  }, 30_000);

  it('(spec §7.2) calls inside an action an app started are listed with the index of that action in appRuns', async () => {
    const report = await run({
      timeoutMs: 5000,
      apps: [
        app(
          'Autojoin',
          `  async executePostRoomUserJoined(context: any, read: any, http: any, persistence: any, modify: any) {
    if (context.room.slugifiedName !== 'parent') return;
    const side = await read.getRoomReader().getByName('side');
    const updater = modify.getUpdater();
    const builder = await updater.room(side.id, context.joiningUser);
    builder.addMemberToBeAddedByUsername(context.joiningUser.username);
    await updater.finish(builder);
  }`,
          'IPostRoomUserJoined',
        ),
      ],
      users: [
        { id: 'u1', username: 'alice' },
        { id: 'u2', username: 'bob' },
      ],
      rooms: [
        { id: 'r1', slugifiedName: 'parent', type: 'c', creator: 'alice', members: ['alice'] },
        { id: 'r2', slugifiedName: 'side', type: 'c', creator: 'alice', members: ['alice'] },
      ],
      steps: [
        { action: 'joinRoom', room: 'parent', user: 'bob', expect: { calls: [{ app: 'Autojoin', method: 'executePostRoomUserJoined', status: 'returned' }] } },
      ],
    });
    const step = report.steps[0]!;
    expect(step.appRuns.map((r) => [r.app, r.action, r.outcome])).toEqual([['Autojoin', 'joinRoom', 'completed']]);
    expect(step.calls.map((c) => [c.method, c.appRun ?? null])).toEqual([
      ['executePostRoomUserJoined', null],
      ['executePostRoomUserJoined', 0],
    ]);
  }, 30_000);
});
