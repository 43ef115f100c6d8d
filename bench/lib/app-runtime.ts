/**
 * One app's runtime driven directly through `AppProcess` (no engine, no trace): the smallest
 * path from the host to a listener and back, over the Node transport.
 */
import { AppProcess, type AppProcessHooks } from '../../src/engine/apps/app-process.ts';
import { descriptorOf, type AppDefinition } from '../../src/engine/apps/app-manifest.ts';
import type { TransportPool } from '../../src/engine/apps/transport.ts';
import type { Scheduler } from '../../src/engine/env.ts';
import { EVENT_SPECS } from '../../src/engine/events.ts';
import { buildArgs } from '../../src/engine/pipeline/payload.ts';
import { PROFILES } from '../../src/engine/profiles.ts';
import { toAppRoom } from '../../src/engine/world/convert.ts';
import { WorldStore } from '../../src/engine/world/store.ts';
import type { ArgSpec } from '../../src/protocol/runtime-protocol.ts';
import { baseWorld } from '../../src/test-support/engine-harness.ts';

export const PREVENT_METHOD = EVENT_SPECS.IPreRoomCreatePrevent.execute;

const quietHooks: AppProcessHooks = {
  onRequest: () => Promise.reject(new Error('the benchmark answers no accessor requests')),
  onLog: () => undefined,
  onDropped: () => undefined,
  onPending: () => undefined,
  onProblem: (problem) => {
    throw new Error(`runtime problem during the benchmark: ${problem}`);
  },
  onRestart: () => undefined,
};

/**
 * The arguments the engine sends `executePreRoomCreatePrevent` for a room being created
 * (the wrapped room with its usernames, then read/http/persistence/modify), built by the engine's
 * own payload code from the harness world.
 */
export function preventArgs(roomName: string): ArgSpec[] {
  const world = new WorldStore(baseWorld());
  const general = world.roomByName('general');
  if (!general) throw new Error('the harness world has no #general');
  const room = toAppRoom(world, { ...general, slugifiedName: roomName, displayName: roomName }, { withId: false });
  return buildArgs(
    EVENT_SPECS.IPreRoomCreatePrevent,
    'execute',
    { kind: 'room', room: room as unknown as Record<string, unknown>, usernames: ['alice'] },
    PROFILES.current,
  );
}

export interface BenchProcessOptions {
  loadTimeoutMs?: number;
  /** Keep a standby worker with the app loaded (AppProcessOptions.standby). */
  standby?: boolean;
  /** Told when the worker is replaced (after a stuck call, a crash...). */
  onRestart?: (reason: string) => void;
}

export function appProcess(def: AppDefinition, pool: TransportPool, scheduler: Scheduler, options: BenchProcessOptions = {}): AppProcess {
  const source = { descriptor: descriptorOf(def), files: def.files, switches: { freezeInputs: PROFILES.current.freezeInputs } };
  const hooks: AppProcessHooks = { ...quietHooks, onRestart: options.onRestart ?? quietHooks.onRestart };
  return new AppProcess(
    source,
    pool,
    scheduler,
    hooks,
    () => options.loadTimeoutMs ?? 10_000,
    () => performance.now(),
    { standby: options.standby ?? false },
  );
}
