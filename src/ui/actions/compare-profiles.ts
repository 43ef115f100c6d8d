/** Compare versions: one action under every profile, in scratch engines on the page's runtime transport. */
import type { ActionInput, ProfileComparison } from '../../engine/index.ts';
import { getController } from '../../state/browser-controller.ts';
import { compareAcrossProfiles } from '../../state/profile-compare.ts';
import { useStore } from '../../state/store.ts';

export function compareActionAcrossProfiles(action: ActionInput): Promise<ProfileComparison> {
  const controller = getController();
  if (!controller) return Promise.reject(new Error('the app runtime is not available'));
  return compareAcrossProfiles(useStore, controller.transports, action);
}
