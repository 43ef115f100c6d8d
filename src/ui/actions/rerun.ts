/**
 * Run again, Ctrl/Cmd+Enter, Reset world and Replay session: the store's world choice
 * ('start' = the world the run started from, by default) applied through the page's controller.
 */
import { getController } from '../../state/browser-controller.ts';
import { sessionStartWorld } from '../../state/rerun.ts';
import { useStore } from '../../state/store.ts';
import type { RunRecord } from '../../workspace/types.ts';
import { actionProblem } from './action-check.ts';
import { cleanAction } from './run-action.ts';

export function runAgain(run: RunRecord): void {
  void getController()?.runAgain(run, useStore.getState().rerunWorld);
}

/**
 * Ctrl/Cmd+Enter (page and editor): the shown run again (the newest unless one is selected),
 * or, before the first run, the open form's action if it is complete.
 */
export function runLast(): void {
  const s = useStore.getState();
  if (s.runs.some((r) => r.state === 'running')) return;
  const shown = (s.selectedRunId !== null ? s.runs.find((r) => r.id === s.selectedRunId) : undefined) ?? s.runs[s.runs.length - 1];
  if (shown) return runAgain(shown);
  const draft = cleanAction(s.drafts[s.actionTab]);
  if (actionProblem(draft, s.world) === null) void getController()?.runAction(draft);
}

/** The live world goes back to the one the session (its earliest kept run) started from. */
export function resetToSessionStart(): void {
  const start = sessionStartWorld(useStore.getState().runs);
  if (start) getController()?.resetWorldTo(start.world);
}

export function replaySession(): void {
  void getController()?.replaySessionAgainstCurrentCode(useStore.getState().rerunWorld);
}
