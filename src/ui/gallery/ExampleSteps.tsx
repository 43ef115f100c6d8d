/** The example guide's steps: each action to try, with the outcome the example promises (loaded on demand, see ExampleGuide.tsx). */
import { useMemo } from 'react';
import { describeAction } from '../../engine/index.ts';
import type { Example } from '../../examples/types.ts';
import { toAction } from '../../scenario/run-scenario.ts';
import { parseScenario } from '../../scenario/schema.ts';
import { cleanAction } from '../../share/scenario-io.ts';
import { runAction } from '../actions/run-action.ts';
import { useStore } from '../../state/store.ts';

export function ExampleSteps({ example }: { example: Example }) {
  const busy = useStore((s) => s.runs.some((r) => r.state === 'running'));
  const ready = useStore((s) => s.runtime.state === 'ready');
  const parsed = useMemo(() => parseScenario(example.scenario), [example]);
  if (!parsed.ok) return null;
  const run = (i: number) => {
    const step = parsed.scenario.steps[i];
    if (!step) return;
    const action = cleanAction(toAction(step));
    const st = useStore.getState();
    st.setDraft(action.action, action as never);
    st.setActionTab(action.action);
    void runAction(action);
  };
  return (
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
  );
}
