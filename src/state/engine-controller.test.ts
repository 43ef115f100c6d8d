import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { blankApp } from '../workspace/app-files.ts';
import { EngineController } from './engine-controller.ts';
import { createAppStore, type AppStore } from './store.ts';

const PREVENT_ALL = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
export class PreventAll extends App implements IPreRoomCreatePrevent {
    async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> { return true; }
}
`;

let controller: EngineController | null = null;
afterEach(() => controller?.dispose());

async function setup(): Promise<{ store: AppStore; c: EngineController }> {
  const store = createAppStore();
  controller = new EngineController({
    store,
    transports: await nodeTransports(),
    env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
    syncDelayMs: 10_000,
  });
  return { store, c: controller };
}

describe('EngineController', () => {
  it('runs the default workspace: the banned name is prevented, with the trace and world in the store', async () => {
    const { store, c } = await setup();
    const draft = store.getState().drafts.createRoom;
    const run = await c.runAction(draft);
    expect(run?.result?.outcome).toBe('prevented');
    expect(run?.result?.error?.code).toBe('error-app-prevented');
    expect(run?.result?.summary).not.toBe('');
    expect(run?.events.some((e) => e.type === 'call-end' && e.call.appId === 'banned-words')).toBe(true);
    expect(store.getState().appStatus['banned-words']).toMatchObject({ state: 'ready', implements: ['IPreRoomCreatePrevent'] });
    const ok = await c.runAction({ ...draft, name: 'book-club' });
    expect(ok?.result?.outcome).toBe('completed');
    expect(store.getState().world.rooms.some((r) => r.slugifiedName === 'book-club')).toBe(true);
  });

  it('reports an app with a syntax error and still runs the others', async () => {
    const { store, c } = await setup();
    const broken = blankApp('Broken', ['banned-words']);
    broken.files[broken.classFile] = 'export class Broken extends App implements IPreRoomCreatePrevent {';
    store.getState().addApp(broken);
    const run = await c.runAction(store.getState().drafts.createRoom);
    expect(store.getState().appStatus['broken']?.state).toBe('error');
    expect(run?.unloadable.map((u) => u.appId)).toEqual(['broken']);
    expect(run?.result?.error?.code).toBe('error-app-prevented');
  });

  it('follows the workspace order and enabling', async () => {
    const { store, c } = await setup();
    const s = store.getState();
    const all = blankApp('Prevent All', ['banned-words']);
    all.files[all.classFile] = PREVENT_ALL;
    s.addApp(all);
    s.setEnabled('banned-words', false);
    const clean = { ...s.drafts.createRoom, name: 'clean-room' };
    expect((await c.runAction(clean))?.result?.outcome).toBe('prevented');
    store.getState().setEnabled('prevent-all', false);
    expect((await c.runAction(clean))?.result?.outcome).toBe('completed');
    expect(c.engine.registry.enabledInOrder().map((a) => a.def.id)).toEqual([]);
  });

  it('a world edit reaches the engine', async () => {
    const { store, c } = await setup();
    const world = structuredClone(store.getState().world);
    world.users.push({ id: 'u-zed', username: 'zed', name: 'Zed', roles: ['user'], type: 'user', createdAt: new Date(0) });
    c.editWorld(world);
    const run = await c.runAction({ action: 'joinRoom', room: 'general', user: 'zed' });
    expect(run?.result?.outcome).toBe('completed');
    expect(store.getState().world.rooms.find((r) => r.id === 'r-general')?.memberIds).toContain('u-zed');
  });
});
