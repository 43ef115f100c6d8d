/** Loads a gallery example as the workspace (after the user confirmed replacing theirs). */
import { exampleById } from '../../examples/index.ts';
import type { ParseOutcome } from '../../scenario/schema.ts';
import { scenarioToWorkspace } from '../../share/scenario-io.ts';
import { useStore } from '../../state/store.ts';
import { loadIntoWorkspace } from '../share/load-workspace.ts';
import { preloadExampleGuide } from './ExampleGuide.tsx';

export async function openExample(id: string): Promise<void> {
  const example = exampleById(id);
  if (!example) return;
  let parsed: ParseOutcome;
  try {
    // The schema (zod) and the guide's steps load with the first example opened, not with the page.
    const [schema] = await Promise.all([import('../../scenario/schema.ts'), preloadExampleGuide()]);
    parsed = schema.parseScenario(example.scenario);
  } catch (err) {
    useStore.getState().setShareProblem({
      title: `The example "${example.title}" cannot be read.`,
      problems: [`this page could not load its reader (${err instanceof Error ? err.message : String(err)})`],
    });
    return;
  }
  if (!parsed.ok) {
    useStore
      .getState()
      .setShareProblem({ title: `The example "${example.title}" cannot be read.`, problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) });
    return;
  }
  const st = useStore.getState();
  st.setGalleryOpen(false);
  await loadIntoWorkspace(scenarioToWorkspace(parsed.scenario));
  useStore.getState().setActionTab(parsed.scenario.steps[0]?.action ?? 'createRoom');
  useStore.getState().setActiveExample(id);
}
