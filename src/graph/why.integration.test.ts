/**
 * Each node's effect in words and the run's "why", on traces from real runs (Node workers): the
 * decisive node is marked, the sentence names it, swallowed errors get a notice (spec section 5),
 * and the field fates are the same for the node, the inspector and the outcome (spec section 6).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { app, extendCustomField, modifyRename, modifyReturningNothing, preventReturning } from '../test-support/apps.ts';
import { makeEngine } from '../test-support/engine-harness.ts';
import { inspect } from '../ui/inspector/inspect.ts';
import { projectRun } from './project.ts';
import type { HandlerNode, OutcomeNode, RunGraph } from './types.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

async function graphOf(apps: Parameters<typeof makeEngine>[0], name = 'team-x') {
  engine = await makeEngine(apps);
  const r = await engine.run({ action: 'createRoom', name, type: 'c', creator: 'alice' });
  await r.settled;
  const events = engine.trace.events.filter((e) => e.runId === r.runId);
  return { graph: projectRun(events), events };
}
const handler = (g: RunGraph, appId: string) => g.nodes.find((n): n is HandlerNode => n.kind === 'handler' && n.appId === appId)!;
const outcome = (g: RunGraph) => g.nodes.find((n): n is OutcomeNode => n.kind === 'outcome')!;

const extendThatForgets = app(
  'lazy',
  'Lazy',
  `import { IRoomExtender } from '@rocket.chat/apps-engine/definition/accessors';
export class Lazy extends App implements IPreRoomCreateExtend {
  async executePreRoomCreateExtend(room: IRoom, extend: IRoomExtender): Promise<any> {
    extend.addCustomField('department', 'eng');
  }
}`,
);
const auditThrows = app(
  'audit',
  'Audit',
  `import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export class Audit extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    throw new TypeError('audit log is full');
  }
}`,
);
const setDataAfterRename = app(
  'replacer',
  'Replacer',
  `import { IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export class Replacer extends App implements IPreRoomCreateModify {
  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    builder.setSlugifiedName('renamed');
    builder.setData({ displayName: 'Only this' } as any);
    return builder.getRoom();
  }
}`,
);

describe('node effect words and the why (spec sections 4-6)', () => {
  it('a Post handler says what it did: the message it sent after returning (un-awaited, spec 7.2)', async () => {
    const greeter = app(
      'greeter',
      'Greeter',
      `export class Greeter extends App implements IPostRoomCreate {
  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    void read.getUserReader().getAppUser().then((bot) => modify.getCreator().finish(modify.getCreator().startMessage().setRoom(room).setSender(bot!).setText('welcome')));
  }
}`,
    );
    const { graph } = await graphOf([greeter]);
    expect(handler(graph, 'greeter').says).toBe('ran: 1 message sent (after it returned)');
  });

  it('prevent: the preventing node is marked; the why names app and method and who was not reached', async () => {
    const { graph } = await graphOf([preventReturning('a', 'First', 'false'), preventReturning('b', 'Second', 'true'), preventReturning('c', 'Third', 'true')]);
    expect(handler(graph, 'a')).toMatchObject({ says: 'let it through (returned false)', decisive: false });
    expect(handler(graph, 'b')).toMatchObject({ says: 'prevented it (returned true)', decisive: true });
    expect(handler(graph, 'c')).toMatchObject({ says: 'not reached: Second decided first', decisive: false });
    const why = outcome(graph).why.join(' ');
    expect(why).toContain('Second prevented it in executePreRoomCreatePrevent');
    expect(why).toContain('Not reached: Third (Prevent)');
    expect(why).not.toContain('no later handler was waiting');
  });

  it('chain broken: the Extend that forgot return is the marked node, named in the why; the next one is not called', async () => {
    const { graph } = await graphOf([extendThatForgets, extendCustomField()]);
    expect(handler(graph, 'lazy')).toMatchObject({ says: 'returned nothing: chain broken here', decisive: true });
    expect(handler(graph, 'extender')).toMatchObject({ state: 'chain-broken', says: 'not called: the chain was already broken', decisive: false });
    expect(outcome(graph).responsible).toBe('handler:IPreRoomCreateExtend:lazy');
    const why = outcome(graph).why.join(' ');
    expect(why).toContain('Lazy returned nothing from executePreRoomCreateExtend');
    expect(why).toContain('no Extend or Modify change from any app was applied');
    expect(why).toContain('Not reached: Tagger (Extend)');
  });

  it('extend + modify: each node says what it changed; the why names who extended, modified and what was dropped', async () => {
    const { graph } = await graphOf([extendCustomField(), modifyRename()]);
    expect(handler(graph, 'extender').says).toBe('added customFields.team');
    expect(handler(graph, 'renamer').says).toBe('renamed to team-x-blue, display name "Team blue" · description dropped by the host');
    const why = outcome(graph).why.join(' ');
    expect(why).toContain('Tagger (Extend) added customFields.team');
    expect(why).toContain('Renamer (Modify) renamed to team-x-blue');
    expect(why).toMatch(/Dropped by the host: description \(the host does not map `description` back/);
  });

  it('a swallowed throw gets a notice like a timeout, and its node says so', async () => {
    const { graph } = await graphOf([extendCustomField(), auditThrows]);
    expect(handler(graph, 'audit')).toMatchObject({ state: 'threw', says: 'threw TypeError: audit log is full (swallowed)' });
    expect(outcome(graph).state).toBe('completed');
    expect(outcome(graph).notices).toEqual([
      'Audit threw TypeError: audit log is full in executePreRoomCreateModify: swallowed, the host went on as if it returned nothing',
    ]);
    expect(outcome(graph).why.join(' ')).toContain('Audit threw TypeError: audit log is full');
  });

  it('setData after setSlugifiedName: node, inspector and outcome agree on what was applied', async () => {
    const { graph, events } = await graphOf([setDataAfterRename]);
    const node = handler(graph, 'replacer');
    const fields = inspect(events, node).fields;
    const merge = events.find((e) => e.type === 'merge');
    const appliedByHost = merge?.type === 'merge' ? merge.applied.map((f) => f.field) : [];
    expect(fields.filter((f) => f.fate === 'applied').map((f) => f.field)).toEqual(appliedByHost);
    expect(fields.some((f) => f.field === 'slugifiedName' && f.fate === 'ignored')).toBe(true);
    expect(node.says).toContain('left out');
  });

  it('a Modify that returns nothing after an Extend: the Modify is marked, not the innocent Extend', async () => {
    const { graph } = await graphOf([extendCustomField(), modifyReturningNothing()]);
    expect(handler(graph, 'extender')).toMatchObject({ decisive: false, says: 'added customFields.team (lost: chain broken later)' });
    expect(handler(graph, 'forgetful')).toMatchObject({ decisive: true, says: 'returned nothing: chain broken here' });
  });
});
