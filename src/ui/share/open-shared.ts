/** Links and files become a workspace to review (never loaded or run here), or a precise problem. */
import { toAction } from '../../scenario/run-scenario.ts';
import { shareTokenOf } from '../../share/codec.ts';
import { readShareToken } from '../../share/payload.ts';
import { cleanAction, readScenarioFile } from '../../share/scenario-io.ts';
import { useStore, type AppStore } from '../../state/store.ts';

/** Reads `#share=…`; returns false when the fragment is not a share link at all. */
export function openShareHash(hash: string, store: AppStore = useStore): boolean {
  const token = shareTokenOf(hash);
  if (token === null) return false;
  const read = readShareToken(token);
  if (read.ok) {
    store.getState().setShareProblem(null);
    store.getState().setPending(read.pending);
  } else {
    store.getState().setShareProblem({ title: 'This share link cannot be opened. Your workspace is unchanged.', problems: [read.problem] });
  }
  return true;
}

export function importScenarioText(fileName: string, text: string, store: AppStore = useStore): void {
  const read = readScenarioFile(text);
  if (read.ok) {
    store.getState().setShareProblem(null);
    store.getState().setPending({ origin: 'file', label: fileName, workspace: read.workspace, runs: [], actions: read.steps.map((s) => cleanAction(toAction(s))) });
  } else {
    store.getState().setShareProblem({ title: `${fileName} cannot be imported. Your workspace is unchanged.`, problems: read.problems });
  }
}

export async function importFile(file: File, store: AppStore = useStore): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    store.getState().setShareProblem({ title: `${file.name} cannot be read.`, problems: [(err as Error).message] });
    return;
  }
  importScenarioText(file.name, text, store);
}
