/** Loads a gallery example as the workspace (after the user confirmed replacing theirs). */
import { exampleById } from '../../examples/index.ts';
import { parseScenario } from '../../scenario/schema.ts';
import { scenarioToWorkspace } from '../../share/scenario-io.ts';
import { useStore } from '../../state/store.ts';
import { loadIntoWorkspace } from '../share/load-workspace.ts';

export async function openExample(id: string): Promise<void> {
  const example = exampleById(id);
  if (!example) return;
  const parsed = parseScenario(example.scenario);
  if (!parsed.ok) {
    useStore.getState().setShareProblem({ title: `The example "${example.title}" cannot be read.`, problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) });
    return;
  }
  const st = useStore.getState();
  st.setGalleryOpen(false);
  await loadIntoWorkspace(scenarioToWorkspace(parsed.scenario));
  useStore.getState().setActionTab(parsed.scenario.steps[0]?.action ?? 'createRoom');
  useStore.getState().setActiveExample(id);
}
