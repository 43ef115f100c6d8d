/**
 * Every template is a real app: its interface is what the apps compiler would register, the
 * contract hints find nothing to warn about, and it loads and runs in the engine (Node workers)
 * with the effect its description promises.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findImplementsClauses } from '../engine/apps/implements.ts';
import { applyAppJson, type AppDefinition } from '../engine/apps/app-manifest.ts';
import type { Engine } from '../engine/engine.ts';
import type { ActionInput } from '../engine/actions.ts';
import { EVENT_SPECS, ROOM_EVENTS, type RoomEvent } from '../engine/events.ts';
import type { Outcome } from '../engine/trace.ts';
import { contractHints } from '../analysis/contract-hints.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';
import { guestsSeeChannels } from '../test-support/worlds.ts';
import { TEMPLATES, instantiateTemplate, type AppTemplate } from './index.ts';

interface Expectation {
  action: ActionInput;
  outcome: Outcome;
  status: string;
  /** Checks the world after the run settled. */
  check?: (engine: Engine, appId: string) => void;
}

const messagesIn = (engine: Engine, room: string) => {
  const id = engine.world.roomByName(room)?.id;
  return engine.world.data.messages.filter((m) => m.roomId === id).map((m) => m.text);
};

const EXPECT: Record<string, Expectation> = {
  IPreRoomCreatePrevent: { action: { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice' }, outcome: 'prevented', status: 'returned' },
  IPreRoomCreateExtend: {
    action: { action: 'createRoom', name: 'team', type: 'c', creator: 'alice' },
    outcome: 'completed',
    status: 'returned',
    check: (e) => expect(e.world.roomByName('team')?.customFields).toEqual({ createdBy: 'alice' }),
  },
  IPreRoomCreateModify: {
    action: { action: 'createRoom', name: 'announce-releases', type: 'c', creator: 'alice' },
    outcome: 'completed',
    status: 'returned',
    check: (e) => expect(e.world.roomByName('announce-releases')).toMatchObject({ isReadOnly: true, displayName: '📣 releases' }),
  },
  IPostRoomCreate: {
    action: { action: 'createRoom', name: 'lounge', type: 'c', creator: 'alice' },
    outcome: 'completed',
    status: 'returned',
    check: (e) => expect(messagesIn(e, 'lounge')).toEqual(['Welcome to #lounge, created by @alice.']),
  },
  IPreRoomDeletePrevent: { action: { action: 'deleteRoom', room: 'general' }, outcome: 'prevented', status: 'returned' },
  IPostRoomDeleted: {
    action: { action: 'deleteRoom', room: 'general' },
    outcome: 'completed',
    status: 'returned',
    check: (e, appId) => expect(e.world.data.persistence[appId]?.map((r) => r.data)).toEqual([{ roomId: 'r-general', name: 'general', type: 'c' }]),
  },
  IPreRoomUserJoined: { action: { action: 'joinRoom', room: 'general', user: 'gus' }, outcome: 'prevented', status: 'threw-apps-engine' },
  IPostRoomUserJoined: {
    action: { action: 'joinRoom', room: 'general', user: 'root' },
    outcome: 'completed',
    status: 'returned',
    check: (e) => expect(messagesIn(e, 'general')).toContain('Welcome, @root!'),
  },
  IPreRoomUserLeave: { action: { action: 'leaveRoom', room: 'general', user: 'bob' }, outcome: 'prevented', status: 'threw-apps-engine' },
  IPostRoomUserLeave: {
    action: { action: 'leaveRoom', room: 'general', user: 'bob' },
    outcome: 'completed',
    status: 'returned',
    check: (e) => expect(messagesIn(e, 'general')).toContain('@bob left.'),
  },
};

const definition = (t: AppTemplate): AppDefinition => applyAppJson({ id: 'tmp', name: t.label, classFile: t.classFile, files: t.files, enabled: true });

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('templates', () => {
  it('one per interface, plus a blank app', () => {
    expect(TEMPLATES.map((t) => t.interfaceName)).toEqual([...ROOM_EVENTS, '']);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: class file, app.json, implements, no warnings', (_id, t) => {
    const source = t.files[t.classFile];
    expect(source).toBeDefined();
    const manifest = JSON.parse(t.files['app.json'] ?? '') as Record<string, unknown>;
    expect(manifest).toMatchObject({ classFile: t.classFile, requiredApiVersion: '^1.66.0' });
    const entries = findImplementsClauses(source ?? '').flatMap((c) => c.entries.filter((e) => e.valid).map((e) => e.text));
    expect(entries).toEqual(t.interfaceName ? [t.interfaceName] : []);
    expect(contractHints({ source: source ?? '', files: t.files }).filter((h) => h.severity === 'warning')).toEqual([]);
    if (t.interfaceName) expect(source).toContain(EVENT_SPECS[t.interfaceName as RoomEvent].execute);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s loads and runs in the engine', async (_id, t) => {
    const def = definition(t);
    // Guests may see channels, so the guest-gate template is reached (RC's defaults refuse guests first, §7.1).
    engine = await makeEngine([def], { world: guestsSeeChannels() });
    expect(engine.registry.get(def.id)?.loadError).toBeNull();
    const expected = t.interfaceName ? EXPECT[t.interfaceName] : undefined;
    const action = expected?.action ?? { action: 'createRoom', name: 'plain', type: 'c', creator: 'alice' };
    const r = await engine.run(action);
    await r.settled;
    await engine.settle();
    expect(r.outcome).toBe(expected?.outcome ?? 'completed');
    const made = calls(engine.trace.events, r.runId);
    if (!t.interfaceName) {
      expect(made).toEqual([]);
      return;
    }
    expect(made).toEqual([[def.id, EVENT_SPECS[t.interfaceName as RoomEvent].execute, expected?.status]]);
    expected?.check?.(engine, def.id);
  });

  it('instantiateTemplate gives a new app its own id and name', () => {
    const files = instantiateTemplate(TEMPLATES[0]!, { id: 'my-id', name: 'Mine' });
    expect(JSON.parse(files['app.json'] ?? '')).toMatchObject({ id: 'my-id', name: 'Mine', nameSlug: 'mine' });
    expect(JSON.parse(instantiateTemplate(TEMPLATES[0]!, { id: 'x' })['app.json'] ?? '')).toMatchObject({ id: 'x', name: 'Block Room Names' });
  });
});
