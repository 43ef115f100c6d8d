import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/engine.ts';
import { projectRun } from '../../graph/project.ts';
import { extendCustomField, modifyRename, modifyReturningNothing, welcome, postCreateThrows } from '../../test-support/apps.ts';
import { makeEngine } from '../../test-support/engine-harness.ts';
import { inspect, stackFrames } from './inspect.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

async function runAndInspect(e: Engine, nodeId: string, action: Parameters<Engine['run']>[0]) {
  const r = await e.run(action);
  await r.settled;
  const events = e.trace.events.filter((ev) => ev.runId === r.runId);
  const node = projectRun(events).nodes.find((n) => n.id === nodeId) ?? null;
  return inspect(events, node);
}

describe('inspect (spec §6 applied vs dropped)', () => {
  it('Modify: shows its changes; description is dropped by the host, the rename applied', async () => {
    engine = await makeEngine([extendCustomField(), modifyRename()]);
    const data = await runAndInspect(engine, 'handler:IPreRoomCreateModify:renamer', { action: 'createRoom', name: 'dev', type: 'c', creator: 'alice' });
    const fates = Object.fromEntries(data.fields.map((f) => [f.path, f.fate]));
    expect(fates).toEqual({ slugifiedName: 'applied', displayName: 'applied', description: 'dropped' });
    expect(data.fields.find((f) => f.path === 'description')?.reason).toMatch(/does not map `description`/);
    expect(data.calls.map((c) => [c.role, c.status])).toEqual([['execute', 'returned']]);
  });

  it('Extend: its custom field is applied at the end of the chain', async () => {
    engine = await makeEngine([extendCustomField(), modifyRename()]);
    const data = await runAndInspect(engine, 'handler:IPreRoomCreateExtend:extender', { action: 'createRoom', name: 'ops', type: 'c', creator: 'alice' });
    expect(data.fields.map((f) => [f.path, f.fate])).toEqual([['customFields', 'applied']]);
  });

  it('a broken chain: the Extend change is lost', async () => {
    engine = await makeEngine([extendCustomField(), modifyReturningNothing()]);
    const data = await runAndInspect(engine, 'handler:IPreRoomCreateExtend:extender', { action: 'createRoom', name: 'qa', type: 'c', creator: 'alice' });
    expect(data.fields.map((f) => [f.path, f.fate])).toEqual([['customFields', 'lost']]);
  });

  it('accessor reads and writes and logs of the handler; stack frames parse to file and line', async () => {
    engine = await makeEngine([welcome(), postCreateThrows()]);
    const data = await runAndInspect(engine, 'handler:IPostRoomUserJoined:welcome', { action: 'joinRoom', room: 'general', user: 'root' });
    expect(data.accessors.map((a) => [a.op, a.write])).toEqual([
      ['user.getAppUser', false],
      ['modify.creator.finish', true],
    ]);
    const crash = await runAndInspect(engine, 'handler:IPostRoomCreate:crashy', { action: 'createRoom', name: 'boom', type: 'c', creator: 'alice' });
    const frames = stackFrames(crash.calls[0]?.error?.stack);
    expect(frames.find((f) => f.file === 'Crashy.ts')).toMatchObject({ file: 'Crashy.ts', line: 8 });
    expect(crash.logs).toHaveLength(1);
  });
});
