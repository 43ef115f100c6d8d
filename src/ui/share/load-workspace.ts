/**
 * Makes a reviewed workspace (link, file or example) the user's workspace: the engine gets its
 * world and apps afresh (apps are reloaded so the settings they declare land in the new world),
 * the old runs go, and only then, if asked, the actions run. Called only from a user's click.
 */
import type { ActionInput } from '../../engine/host/actions.ts';
import { getController } from '../../state/browser-controller.ts';
import { useStore, type AppStore } from '../../state/store.ts';
import type { Workspace } from '../../state/types.ts';

export function clearShareHash(): void {
  if (typeof location === 'undefined' || !location.hash.startsWith('#share=')) return;
  history.replaceState(null, '', location.pathname + location.search);
}

export async function loadIntoWorkspace(ws: Workspace, opts: { actions?: ActionInput[]; store?: AppStore } = {}): Promise<void> {
  const store = opts.store ?? useStore;
  const c = getController();
  const st = store.getState();
  st.clearRuns();
  st.setPending(null);
  st.setShareProblem(null);
  clearShareHash();
  if (c) {
    // Unload every app first so the new world gets the settings the new apps declare.
    st.loadWorkspace({ ...ws, apps: [] });
    await c.sync();
    c.editWorld(structuredClone(ws.world));
    store.getState().loadWorkspace({ ...ws, world: store.getState().world });
  } else {
    st.loadWorkspace(ws);
  }
  const s = store.getState();
  s.selectApp(ws.apps[0]?.id ?? null);
  s.setActionTab(opts.actions?.[0]?.action ?? 'createRoom');
  if (c) await c.sync();
  for (const action of opts.actions ?? []) await c?.runAction(action);
}
