/**
 * The trace -> graph projection on traces recorded from real runs (Node workers, deterministic
 * clock and ids), covering every node state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import type { TraceEvent } from '../engine/trace.ts';
import {
  app,
  bannedWords,
  extendCustomField,
  joinGuard,
  loopsForever,
  modifyRename,
  modifyReturningNothing,
  noImplements,
  postCreateThrows,
  preventReturning,
  welcome,
} from '../test-support/apps.ts';
import { makeEngine } from '../test-support/engine-harness.ts';
import { guestsSeeChannels } from '../test-support/worlds.ts';
import { projectRun } from './project.ts';
import type { GraphNode, HandlerNode } from './types.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

function runEvents(e: Engine, runId: string): TraceEvent[] {
  return e.trace.events.filter((ev) => ev.runId === runId);
}
const handlers = (nodes: GraphNode[]) => nodes.filter((n): n is HandlerNode => n.kind === 'handler').map((n) => [n.event, n.appId, n.state]);
const byId = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);

describe('projectRun', () => {
  it('Prevent: returned, prevented here, not reached; later phases not run; the outcome names the responsible node', async () => {
    engine = await makeEngine([
      preventReturning('a', 'First', 'false'),
      preventReturning('b', 'Second', 'true'),
      preventReturning('c', 'Third', 'true'),
      extendCustomField(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'x', type: 'c', creator: 'alice' });
    const g = projectRun(runEvents(engine, r.runId));
    expect(handlers(g.nodes)).toEqual([
      ['IPreRoomCreatePrevent', 'a', 'returned'],
      ['IPreRoomCreatePrevent', 'b', 'prevented'],
      ['IPreRoomCreatePrevent', 'c', 'not-reached'],
      ['IPreRoomCreateExtend', 'extender', 'not-run'],
    ]);
    const outcome = byId(g.nodes, 'outcome');
    expect(outcome?.kind === 'outcome' && [outcome.state, outcome.responsible]).toEqual(['prevented', 'handler:IPreRoomCreatePrevent:b']);
    expect(g.edges.find((e) => e.style === 'cause')).toMatchObject({ source: 'handler:IPreRoomCreatePrevent:b', target: 'outcome' });
    expect(byId(g.nodes, 'host:commit')).toMatchObject({ state: 'not-run' });
    expect(g.settled).toBe(true);
  });

  it('chain: returned, chain broken; Post create threw (swallowed) and is drawn detached', async () => {
    engine = await makeEngine([extendCustomField(), modifyReturningNothing(), modifyRename(), postCreateThrows()]);
    const r = await engine.run({ action: 'createRoom', name: 'y', type: 'c', creator: 'alice' });
    await r.settled;
    const g = projectRun(runEvents(engine, r.runId));
    expect(handlers(g.nodes)).toEqual([
      ['IPreRoomCreateExtend', 'extender', 'returned'],
      ['IPreRoomCreateModify', 'forgetful', 'returned'],
      ['IPreRoomCreateModify', 'renamer', 'chain-broken'],
      ['IPostRoomCreate', 'crashy', 'threw'],
    ]);
    expect(g.edges.find((e) => e.target === 'phase:IPostRoomCreate')).toMatchObject({ style: 'detached', taken: true });
    expect(g.edges.find((e) => e.target === 'outcome' && e.style === 'flow')).toMatchObject({ source: 'host:commit', taken: true });
    expect(g.settled).toBe(true);
  });

  it('pending and running at a cursor before the end (replay / step-through)', async () => {
    engine = await makeEngine([bannedWords(), preventReturning('z', 'Last', 'false')]);
    const r = await engine.run({ action: 'createRoom', name: 'ok', type: 'c', creator: 'alice' });
    const events = runEvents(engine, r.runId);
    const firstStart = events.findIndex((e) => e.type === 'call-start');
    const g = projectRun(events, firstStart + 1);
    expect(handlers(g.nodes)).toEqual([
      ['IPreRoomCreatePrevent', 'banned', 'running'],
      ['IPreRoomCreatePrevent', 'z', 'pending'],
    ]);
    expect(byId(g.nodes, 'outcome')).toMatchObject({ state: 'pending' });
    expect(byId(g.nodes, 'phase:IPreRoomCreatePrevent')).toMatchObject({ state: 'running' });
  });

  it('threw AppsEngineException (blocked), not implemented, disabled', async () => {
    const blocked = app(
      'off',
      'Off',
      `export class Off extends App implements IPreRoomUserJoined {
  async executePreRoomUserJoined(): Promise<void> {}
}`,
    );
    engine = await makeEngine([joinGuard(), noImplements(), { ...blocked, enabled: false }], { world: guestsSeeChannels() });
    const lazy = app(
      'lazy',
      'Lazy',
      `export class Lazy extends App {
  async executePreRoomUserJoined(): Promise<void> {}
}`,
    );
    await engine.installApp(lazy);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'gus' });
    const g = projectRun(runEvents(engine, r.runId));
    expect(handlers(g.nodes)).toEqual([
      ['IPreRoomUserJoined', 'guard', 'threw-stopped'],
      ['IPreRoomUserJoined', 'off', 'disabled'],
      ['IPreRoomUserJoined', 'lazy', 'not-implemented'],
    ]);
    expect(byId(g.nodes, 'outcome')).toMatchObject({ state: 'prevented', responsible: 'handler:IPreRoomUserJoined:guard' });
  });

  it('timed out, skipped by its check, method not found', async () => {
    const checker = app(
      'chk',
      'Checker',
      `export class Checker extends App implements IPreRoomCreatePrevent {
  async checkPreRoomCreatePrevent(): Promise<boolean> { return false; }
  async executePreRoomCreatePrevent(): Promise<boolean> { return true; }
}`,
    );
    const missing = app('gone', 'Gone', `export class Gone extends App implements IPreRoomCreatePrevent {}`);
    engine = await makeEngine([loopsForever(), checker, missing], { timeoutMs: 300 });
    const r = await engine.run({ action: 'createRoom', name: 'loop', type: 'c', creator: 'alice' });
    const g = projectRun(runEvents(engine, r.runId));
    expect(handlers(g.nodes)).toEqual([
      ['IPreRoomCreatePrevent', 'looper', 'timed-out'],
      ['IPreRoomCreatePrevent', 'chk', 'skipped-check'],
      ['IPreRoomCreatePrevent', 'gone', 'not-found'],
    ]);
    expect(byId(g.nodes, 'outcome')).toMatchObject({ state: 'failed', responsible: 'handler:IPreRoomCreatePrevent:gone' });
  });

  it('a Post join the host does not await is pending right after the outcome and returned once settled', async () => {
    engine = await makeEngine([welcome()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    const early = projectRun(runEvents(engine, r.runId));
    expect(byId(early.nodes, 'outcome')).toMatchObject({ state: 'completed' });
    expect(byId(early.nodes, 'phase:IPostRoomUserJoined')?.kind).toBe('phase');
    await r.settled;
    const late = projectRun(runEvents(engine, r.runId));
    expect(handlers(late.nodes)).toEqual([['IPostRoomUserJoined', 'welcome', 'returned']]);
    expect(late.settled).toBe(true);
  });

  it('lays phases out top to bottom in the host order and handlers left to right in listener order', async () => {
    engine = await makeEngine(Array.from({ length: 10 }, (_, i) => preventReturning(`p${i}`, `P${i}`, 'false')));
    const r = await engine.run({ action: 'createRoom', name: 'ten', type: 'c', creator: 'alice' });
    const g = projectRun(runEvents(engine, r.runId));
    const hs = g.nodes.filter((n) => n.kind === 'handler');
    expect(hs.map((n) => n.x)).toEqual([...hs.map((n) => n.x)].sort((a, b) => a - b));
    expect(new Set(hs.map((n) => n.x)).size).toBe(10);
    // Lanes (phases, host steps) stack without overlapping, in the plan's order.
    const lanes = g.nodes.filter((n) => !n.parentId && (n.kind === 'phase' || n.kind === 'host'));
    expect(lanes.map((n) => (n.kind === 'phase' ? n.event : n.id))).toEqual([
      'IPreRoomCreatePrevent',
      'IPreRoomCreateExtend',
      'IPreRoomCreateModify',
      'host:commit',
      'IPostRoomCreate',
    ]);
    for (let i = 1; i < lanes.length - 1; i++) expect(lanes[i]!.y).toBeGreaterThanOrEqual(lanes[i - 1]!.y + lanes[i - 1]!.height);
    // Post create (not awaited) is drawn on the host step's row, to its right.
    const [host, post] = lanes.slice(-2);
    expect(post!.y).toBe(host!.y);
    expect(post!.x).toBeGreaterThanOrEqual(host!.x + host!.width);
  });
});

describe('step-through', () => {
  it('pauses before each handler; the graph shows the next one as paused; Step releases it', async () => {
    engine = await makeEngine([preventReturning('a', 'First', 'false'), preventReturning('b', 'Second', 'false')]);
    const gates: (() => void)[] = [];
    engine.setStepper(() => new Promise<void>((release) => gates.push(release)));
    const running = engine.run({ action: 'createRoom', name: 'steps', type: 'c', creator: 'alice' });
    const until = async (n: number) => {
      for (let i = 0; i < 200 && gates.length < n; i++) await new Promise((r) => setTimeout(r, 5));
    };
    await until(1);
    const runId = engine.trace.events.find((e) => e.type === 'run-start')?.runId as string;
    expect(handlers(projectRun(runEvents(engine, runId)).nodes)).toEqual([
      ['IPreRoomCreatePrevent', 'a', 'paused'],
      ['IPreRoomCreatePrevent', 'b', 'pending'],
    ]);
    gates[0]?.();
    await until(2);
    expect(handlers(projectRun(runEvents(engine, runId)).nodes)).toEqual([
      ['IPreRoomCreatePrevent', 'a', 'returned'],
      ['IPreRoomCreatePrevent', 'b', 'paused'],
    ]);
    gates[1]?.();
    const r = await running;
    expect(r.outcome).toBe('completed');
    engine.setStepper(null);
  });
});
