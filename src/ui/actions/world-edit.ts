/** The UI's edits of the live world (World tab), through the page's engine controller. */
import type { WorldState } from '../../engine/index.ts';
import { getController } from '../../state/browser-controller.ts';
import { useStore } from '../../state/store.ts';

/** Replaces the live world; before the runtime is up, the store keeps it for the engine to take. */
export function editWorld(next: WorldState): void {
  const controller = getController();
  if (controller) controller.editWorld(next);
  else useStore.getState().setWorld(next);
}

/** Puts the world back as it was before the first kept run. */
export function resetWorld(): void {
  void getController()?.resetWorld();
}
