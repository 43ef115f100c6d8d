/** Runs every gallery example headless and checks the promise it makes (so the gallery cannot rot). */
import { describe, expect, it } from 'vitest';
import { ROOM_EVENTS } from '../engine/events.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { runScenario, type ScenarioReport } from '../scenario/run-scenario.ts';
import { parseScenario } from '../scenario/schema.ts';
import { EXAMPLES } from './index.ts';

type Room = { slugifiedName: string; displayName: string | null; customFields: Record<string, unknown> | null; description: string | null; isReadOnly: boolean };
const room = (r: ScenarioReport, step: number) => r.steps[step]!.room as Room;
const texts = (r: ScenarioReport) => r.world.messages.filter((m) => !m.system).map((m) => `${m.room}: ${m.text}`);

/** What each example's explanation promises beyond outcome + error code. */
const PROMISES: Record<string, (r: ScenarioReport) => void> = {
  'banned-words': (r) => expect(room(r, 1).slugifiedName).toBe('book-club'),
  'prevent-order': (r) => {
    expect(r.steps[0]!.error?.message).toBe('A Rocket.Chat App prevented the room creation.');
    expect(r.steps[0]!.calls.find((c) => c.app === 'polite-no')?.status).toBe('not-reached');
  },
  'extend-then-modify': (r) => expect(room(r, 0)).toMatchObject({ displayName: 'Team ops', customFields: { team: 'ops', createdBy: 'alice' } }),
  'modify-returns-nothing': (r) => expect(room(r, 0)).toMatchObject({ displayName: 'standup', customFields: null, isReadOnly: false }),
  'extend-description-dropped': (r) => expect(room(r, 0)).toMatchObject({ description: null, customFields: { topic: 'Daily standup' } }),
  'post-create-not-awaited': (r) => {
    const post = r.steps[0]!.calls.find((c) => c.method === 'executePostRoomCreate');
    expect(post?.awaited).toBe(false);
    expect(texts(r)).toContain('launch: Welcome to #launch!');
  },
  'guest-blocked': (r) => {
    expect(r.steps[0]!.error?.message).toBe('Guests need an invitation to join #general');
    expect(r.world.rooms.find((x) => x.slugifiedName === 'general')?.members).toContain('gus');
  },
  'welcome-on-join': (r) => expect(texts(r)).toContain('random: Welcome to #random, @bob!'),
  'leave-rules': (r) => {
    expect(r.steps[0]!.error?.message).toBe('#general is a default room: ask an admin to remove you');
    expect(r.steps[1]!.calls.find((c) => c.method === 'executePostRoomUserLeave')).toMatchObject({ awaited: true, status: 'returned' });
    expect(texts(r)).toContain('team: @bob left. Goodbye!');
  },
  'archive-before-delete': (r) => expect(r.world.rooms.map((x) => x.slugifiedName)).toEqual(['general', 'team']),
  'post-deleted-audit': (r) => {
    expect(texts(r)).toContain('general: #team was deleted.');
    expect(r.steps[0]!.logs.map((l) => l.text)).toContain('room.usernames in Post deleted: undefined');
  },
  'exception-without-message': (r) => {
    const pre = r.steps[0]!.calls.find((c) => c.method === 'executePreRoomUserJoined');
    expect(pre?.status).toBe('timed-out');
    expect(pre?.effect).toMatch(/has no message: Rocket\.Chat cannot send it back, so the call hangs until the timeout \(2 000 ms\)/);
    expect(r.world.rooms.find((x) => x.slugifiedName === 'random')?.members).toContain('bob');
  },
  'who-may-kick-whom': (r) => {
    const leaves = (i: number) => r.steps[i]!.logs.map((l) => l.text);
    expect(leaves(0)).toEqual([]);
    expect(leaves(1)).toEqual(['pre leave bob by carol', 'post leave bob by carol']);
    expect(leaves(2)).toEqual(['pre leave gus by alice', 'post leave gus by alice']);
    expect(r.steps[2]!.summary).toMatch(/kick-user-from-any-c-room/);
    expect(leaves(3)).toEqual([]);
    expect(r.world.rooms.find((x) => x.slugifiedName === 'secret')?.members).toContain('carol');
  },
  'loops-forever': (r) => expect(r.steps[0]!.calls[0]).toMatchObject({ app: 'looper', status: 'timed-out' }),
};

describe('examples gallery', () => {
  it('covers all ten interfaces, with unique ids and a one-line explanation each', () => {
    const covered = new Set(EXAMPLES.flatMap((e) => e.interfaces));
    expect([...ROOM_EVENTS].filter((e) => !covered.has(e))).toEqual([]);
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) {
      expect(e.explanation).not.toMatch(/\n/);
      expect(e.scenario.steps.length).toBeGreaterThan(0);
      for (const s of e.scenario.steps) expect(s.expect?.outcome).toBeDefined();
      expect(Object.keys(PROMISES)).toContain(e.id);
    }
  });

  for (const example of EXAMPLES) {
    it(`(example) ${example.id}: ${example.title}`, { timeout: 30_000 }, async () => {
      const parsed = parseScenario(example.scenario);
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      const report = await runScenario(parsed.scenario, { transports: await nodeTransports() });
      for (const a of report.apps) expect(a.loadError, a.id).toBeNull();
      expect([...new Set(report.apps.flatMap((a) => a.implements))].sort()).toEqual([...example.interfaces].sort());
      for (const s of report.steps) expect(s.expectation, `step ${s.step}: ${s.summary}`).toMatchObject({ ok: true });
      for (const [i, text] of Object.entries(example.answerIncludes ?? {})) expect(report.steps[Number(i)]!.error?.message ?? 'completed').toContain(text);
      PROMISES[example.id]!(report);
    });
  }
});
