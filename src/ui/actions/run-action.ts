/** The one way the UI runs an action: through the page's engine controller. */
import type { ActionInput } from '../../engine/index.ts';
import { getController } from '../../state/browser-controller.ts';

export function runAction(action: ActionInput): Promise<unknown> {
  const controller = getController();
  return controller ? controller.runAction(action) : Promise.resolve(undefined);
}

/** Drops empty optional fields so the host sees exactly what the form says. */
export function cleanAction(action: ActionInput): ActionInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(action)) {
    if (v === '' || v === undefined || (Array.isArray(v) && v.length === 0 && k !== 'members')) continue;
    out[k] = v;
  }
  return out as unknown as ActionInput;
}
