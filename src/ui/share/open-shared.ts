/**
 * Links and files become a workspace to review (never loaded or run here), or a precise problem.
 * The readers (zod and every schema) are imported only when a link or file is actually opened.
 */
import { toAction } from '../../scenario/run-scenario.ts';
import { shareTokenOf } from '../../share/codec.ts';
import type { ReadShareOutcome } from '../../share/payload-read.ts';
import type { ReadFileOutcome } from '../../share/scenario-read.ts';
import { cleanAction } from '../../share/scenario-io.ts';
import { useStore, type AppStore } from '../../state/store.ts';

const couldNotLoad = (err: unknown) => `this page could not load its reader (${err instanceof Error ? err.message : String(err)})`;

/** Reads `#share=…`; resolves false when the fragment is not a share link at all (nothing is loaded then). */
export async function openShareHash(hash: string, store: AppStore = useStore): Promise<boolean> {
  const token = shareTokenOf(hash);
  if (token === null) return false;
  let read: ReadShareOutcome;
  try {
    read = (await import('../../share/payload-read.ts')).readShareToken(token);
  } catch (err) {
    read = { ok: false, problem: couldNotLoad(err) };
  }
  if (read.ok) {
    store.getState().setShareProblem(null);
    store.getState().setPending(read.pending);
  } else {
    store.getState().setShareProblem({ title: 'This share link cannot be opened. Your workspace is unchanged.', problems: [read.problem] });
  }
  return true;
}

export async function importScenarioText(fileName: string, text: string, store: AppStore = useStore): Promise<void> {
  let read: ReadFileOutcome;
  try {
    read = (await import('../../share/scenario-read.ts')).readScenarioFile(text);
  } catch (err) {
    read = { ok: false, problems: [couldNotLoad(err)] };
  }
  if (read.ok) {
    store.getState().setShareProblem(null);
    store
      .getState()
      .setPending({ origin: 'file', label: fileName, workspace: read.workspace, runs: [], actions: read.steps.map((s) => cleanAction(toAction(s))) });
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
  await importScenarioText(file.name, text, store);
}
