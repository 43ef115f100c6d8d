/**
 * Makes a reviewed workspace (link, file or example) the user's workspace: the engine gets its
 * world and apps afresh (apps are reloaded so the settings they declare land in the new world),
 * the old runs go, and only then, if asked, the actions run. Called only from a user's click.
 *
 * Every step says what it is doing (`loadProgress`, shown by the safe view within a second), and
 * a runtime that is still starting is waited for instead of silently skipping the runs (the
 * cause of "Run loaded the workspace and then did nothing": the controller did not exist yet).
 */
import { describeAction, type ActionInput } from '../../engine/index.ts';
import type { SharedRun } from '../../share/payload.ts';
import { sharedRecords } from '../../share/payload.ts';
import { whenController, getController } from '../../state/browser-controller.ts';
import type { EngineController } from '../../state/engine-controller.ts';
import { outcomeFacts, outcomeText } from '../../state/outcome-facts.ts';
import { sameOutcome } from '../../state/replay-diff.ts';
import { useStore, type AppStore } from '../../state/store.ts';
import type { Workspace } from '../../workspace/types.ts';

export function clearShareHash(): void {
  if (typeof location === 'undefined' || !location.hash.startsWith('#share=')) return;
  history.replaceState(null, '', location.pathname + location.search);
}

export interface LoadOptions {
  actions?: ActionInput[];
  /** Recorded runs (a share link): shown in the history on Load; compared with the new ones on Run. */
  shared?: SharedRun[];
  store?: AppStore;
  /** The controller to use (tests); the page's, once its runtime is up, by default. */
  controller?: EngineController | null;
}

async function controllerFor(store: AppStore, opts: LoadOptions): Promise<EngineController | null> {
  if (opts.controller !== undefined) return opts.controller;
  const now = getController();
  if (now) return now;
  store.getState().setLoadProgress({ text: 'Starting the app runtime (sandboxed workers)…', error: null });
  return whenController();
}

/** Never throws: a failure lands in `loadProgress.error` with the reason; the pending workspace stays. */
export async function loadIntoWorkspace(ws: Workspace, opts: LoadOptions = {}): Promise<boolean> {
  const store = opts.store ?? useStore;
  const st = store.getState();
  st.setLoadProgress({ text: `Loading ${ws.apps.length} app${ws.apps.length === 1 ? '' : 's'}…`, error: null });
  let c: EngineController | null;
  try {
    c = await controllerFor(store, opts);
  } catch (err) {
    store.getState().setLoadProgress({ text: 'Nothing was loaded.', error: err instanceof Error ? err.message : String(err) });
    return false;
  }
  store.getState().setLoadProgress({ text: `Loading ${ws.apps.length} app${ws.apps.length === 1 ? '' : 's'}…`, error: null });
  st.clearRuns();
  st.setShareProblem(null);
  st.setReproduction(null);
  st.setActiveExample(null);
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
  const actions = opts.actions ?? [];
  if (actions.length === 0 && opts.shared?.length) store.getState().importRuns(sharedRecords(opts.shared, structuredClone(ws.world)));
  store.getState().setPending(null);
  store.getState().setLoadProgress(null);
  if (!c) return actions.length === 0;
  const results: (ReturnType<typeof outcomeFacts> | null)[] = [];
  for (const action of actions) {
    const run = await c.runAction(action);
    results.push(run ? outcomeFacts(run.events) : null);
  }
  if (opts.shared?.length && actions.length) store.getState().setReproduction({ rows: reproductionRows(opts.shared, results) });
  return true;
}

export function reproductionRows(shared: readonly SharedRun[], here: readonly (ReturnType<typeof outcomeFacts> | null)[]) {
  return shared.map((r, i) => {
    const sender = r.events.length ? outcomeFacts(r.events) : { outcome: r.result.outcome, errorCode: r.result.error?.code ?? null, by: null };
    const now = here[i] ?? null;
    const same = now !== null && (r.events.length ? sameOutcome(sender, now) : sender.outcome === now.outcome && sender.errorCode === now.errorCode);
    return { label: describeAction(r.action), sender: outcomeText(sender), here: now ? outcomeText(now) : 'not run', same };
  });
}
