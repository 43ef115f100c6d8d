/** What the Run area's controls do: store updates plus calls on the page's engine controller. */
import type { GraphNode } from '../../graph/types.ts';
import { getController } from '../../state/browser-controller.ts';
import type { Speed } from '../../state/inspect-slice.ts';
import { useStore } from '../../state/store.ts';
import type { RunRecord } from '../../workspace/types.ts';
import { nodeOfCall, resolveAppFile } from './run-view.ts';

/** Selecting a node also filters the Console to its calls. */
export function selectNode(node: GraphNode | null, runId: string | null): void {
  const s = useStore.getState();
  s.selectNode(node?.id ?? null);
  if (node && node.kind === 'handler' && node.callIds.length > 0 && runId)
    s.setLogFilter({ runId, callIds: node.callIds, label: `${node.appName} · ${node.method}` });
  else s.setLogFilter(null);
}

/** A Console line of a call: select its run (and the app-started run it belongs to) and its node. */
export function selectCall(root: RunRecord, callId: string): void {
  const s = useStore.getState();
  const found = nodeOfCall(root.events, callId);
  if (!found) return;
  const shown = s.selectedRunId ?? s.runs[s.runs.length - 1]?.id;
  const filter = s.logFilter;
  if (shown !== root.id) s.selectRun(root.id);
  s.selectGraphRun(found.runId === root.id ? null : found.runId);
  s.selectNode(found.nodeId);
  if (filter) s.setLogFilter(filter);
}

/** Jump to source: select the app, open the file, ask the editor to reveal the line. */
export function jumpToSource(appId: string, file: string, line: number, column: number): void {
  const s = useStore.getState();
  const app = s.apps.find((a) => a.id === appId);
  if (!app) return;
  const path = resolveAppFile(app, file) ?? app.classFile;
  s.openFileOf(appId, path);
  s.requestReveal({ appId, file: path, line, column });
}

export function setStepping(enabled: boolean, speed: Speed): void {
  const c = getController();
  if (c) c.setStepping(enabled, speed);
  else useStore.getState().patchStep({ enabled, speed });
}

export const step = () => getController()?.step();
export const continueRun = () => getController()?.continueRun();
