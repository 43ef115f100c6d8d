/**
 * A scenario room may list an app's bot user as a member (`<nameSlug>.bot`): the bot exists only
 * from the app's install (spec 7.2), and takes its seat then. Seen with the public welcome apps,
 * whose "the DM with the bot already exists" case could not be written as a world before.
 */
import { describe, expect, it } from 'vitest';
import { nodeTransports } from '../node/node-transport.ts';
import { runScenario } from './run-scenario.ts';
import { parseScenario } from './schema.ts';

const GREETER = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPostRoomUserJoined } from '@rocket.chat/apps-engine/definition/rooms';
export class GreeterApp extends App implements IPostRoomUserJoined {
  async executePostRoomUserJoined(context: any, read: any, http: any, persistence: any, modify: any) {
    const bot = await read.getUserReader().getAppUser();
    const dm = await read.getRoomReader().getDirectByUsernames([bot.username, context.joiningUser.username]);
    this.getLogger().info(dm ? 'dm found ' + dm.id : 'no dm');
    const members = await read.getRoomReader().getMembers(context.room.id);
    this.getLogger().info(members.map((m: any) => m.username).sort().join(','));
  }
}
`;

function scenario(rooms: unknown[]) {
  const parsed = parseScenario({
    timeoutMs: 5000,
    apps: [{ id: 'greeter', name: 'Greeter', nameSlug: 'greeter', source: GREETER }],
    users: [
      { id: 'u1', username: 'alice' },
      { id: 'u2', username: 'bob' },
    ],
    rooms,
    steps: [{ action: 'joinRoom', room: 'general', user: 'bob' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

describe("scenario rooms: an app's bot as a member", () => {
  it('(spec 7.2) "<slug>.bot" in members seats the app\'s bot at install: in a channel and in an existing DM', async () => {
    const report = await runScenario(
      scenario([
        { id: 'r1', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['alice', 'greeter.bot'] },
        { id: 'dm1', slugifiedName: '', type: 'd', members: ['bob', 'greeter.bot'] },
      ]),
      { transports: await nodeTransports() },
    );
    expect(report.failures).toEqual([]);
    expect(report.steps[0]?.logs.map((l) => l.text)).toEqual(['dm found dm1', 'alice,bob,greeter.bot']);
  }, 30_000);

  it('a ".bot" member that no app of the file has fails the run, naming the field', async () => {
    const report = await runScenario(scenario([{ id: 'r1', slugifiedName: 'general', type: 'c', creator: 'alice', members: ['alice', 'nobody.bot'] }]), {
      transports: await nodeTransports(),
    });
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual([
      'rooms[0].members[1]: "nobody.bot" is not in "users" and no app of this file has that bot user (an app\'s bot is <nameSlug>.bot)',
    ]);
  }, 30_000);
});
