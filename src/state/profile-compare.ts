/**
 * Compare across profiles from the workbench: the action of the form the user is on, the
 * workspace's apps and the live world, run under every profile in scratch engines (the live world
 * is not touched).
 */
import { compareProfiles, type ProfileComparison, type TransportFactory, type ActionInput } from '../engine/index.ts';
import { prepareApps } from './app-prepare.ts';
import type { AppStore } from './store.ts';

export async function compareAcrossProfiles(store: AppStore, transports: TransportFactory, action: ActionInput): Promise<ProfileComparison> {
  const { apps, world, settings } = store.getState();
  // As the live engine installs them (under `hookscope dev`: with the folder's bundle).
  const prepared = await prepareApps(apps);
  return compareProfiles(
    {
      apps: structuredClone(prepared),
      world: structuredClone(world),
      action: structuredClone(action),
      ...(settings.timeoutMs !== 30_000 ? { timeoutMs: settings.timeoutMs } : {}),
    },
    transports,
  );
}
