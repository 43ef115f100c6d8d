/** After opening an example: the actions to try, each with the outcome the example promises. */
import { describeAction } from '../../engine/host/actions.ts';
import { exampleById } from '../../examples/index.ts';
import { toAction } from '../../scenario/run-scenario.ts';
import { parseScenario } from '../../scenario/schema.ts';
import { cleanAction } from '../../share/scenario-io.ts';
import { getController } from '../../state/browser-controller.ts';
import { useStore } from '../../state/store.ts';

export function ExampleGuide() {
  const id = useStore((s) => s.activeExampleId);
  const busy = useStore((s) => s.runs.some((r) => r.state === 'running'));
  const ready = useStore((s) => s.runtime.state === 'ready');
  const example = id ? exampleById(id) : undefined;
  if (!example) return null;
  const parsed = parseScenario(example.scenario);
  if (!parsed.ok) return null;
  const run = (i: number) => {
    const step = parsed.scenario.steps[i];
    if (!step) return;
    const action = cleanAction(toAction(step));
    const st = useStore.getState();
    st.setDraft(action.action, action as never);
    st.setActionTab(action.action);
    void getController()?.runAction(action);
  };
  return (
    <div className="example-guide" role="region" aria-label="Example guide" data-testid="example-guide">
      <strong>{example.title}:</strong> <span className="small">{example.explanation}</span>
      <ol className="example-steps">
        {parsed.scenario.steps.map((s, i) => (
          <li key={i}>
            <button type="button" className="btn btn-small" data-testid={`example-step-${i}`} disabled={busy || !ready} onClick={() => run(i)}>
              ▶ {describeAction(toAction(s))}
            </button>{' '}
            <span className="small muted" data-testid={`example-expect-${i}`}>
              expect {s.expect?.outcome}
              {s.expect?.errorCode ? ` (${s.expect.errorCode})` : ''}
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-ghost btn-small" aria-label="Close the example guide" onClick={() => useStore.getState().setActiveExample(null)}>
        ✕
      </button>
    </div>
  );
}
