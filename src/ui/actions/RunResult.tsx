/** The host's answer to the latest run, plainly: "completed" or `error-code: message`. */
import { useEffect, useMemo, useRef } from 'react';
import { whyOfRun } from '../../graph/project.ts';
import { breakable } from '../breakable.tsx';
import { describeAction } from '../../engine/index.ts';
import { exampleById } from '../../examples/index.ts';
import { useStore } from '../../state/store.ts';
import { selectLatestRun } from '../../state/selectors.ts';
import { CutOffCalls } from './CutOffCalls.tsx';

/** Before the first run: what to try, for the example that was opened (or the default app). */
function FirstHint() {
  const exampleId = useStore((s) => s.activeExampleId);
  const hasBanned = useStore((s) => s.apps.some((a) => a.id === 'banned-words'));
  const example = exampleId ? exampleById(exampleId) : undefined;
  if (example) {
    return (
      <p className="hint" data-testid="first-hint">
        Try it: <strong>{example.title}</strong>. {example.explanation} Run the steps in the example guide, or fill in the form and press Run.
      </p>
    );
  }
  if (!hasBanned) {
    return (
      <p className="hint" data-testid="first-hint">
        Try it: pick an action, fill in the form and press Run. The graph below shows every handler the host calls, in order, and what it made of each answer.
      </p>
    );
  }
  return (
    <p className="hint" data-testid="first-hint">
      Try it: the <strong>Banned Words</strong> app prevents rooms whose name contains a banned word. Press <strong>Create room</strong> to create
      <span className="mono"> #casino-night</span>, then change the name and run again.
    </p>
  );
}

export function RunResult() {
  const run = useStore(selectLatestRun);
  const neverRan = run === null;
  const box = useRef<HTMLElement>(null);
  const answered = run?.result ? run.id : null;
  // The same "why" as the graph's outcome card (src/graph/why.ts), naming the app that decided.
  const events = run?.events;
  const why = useMemo(() => (answered && events ? whyOfRun(events) : []), [answered, events]);
  // A new answer below a tall form: bring it into view (no-op when it is already visible).
  useEffect(() => {
    if (answered) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [answered]);
  return (
    <section className="run-result" aria-label="Result" ref={box}>
      <h2 className="section-title">Host answer</h2>
      <div aria-live="polite" aria-atomic="true" data-testid="run-result">
        {neverRan && <FirstHint />}
        {run && <p className="muted small">{describeAction(run.action)}</p>}
        {run?.state === 'running' && <p className="answer answer-pending">Running…</p>}
        {run?.crash && (
          <p className="answer answer-error" data-testid="run-crash">
            hookscope could not run this action: {run.crash}
          </p>
        )}
        {run?.result && (
          <>
            <p className={`answer ${run.result.error ? 'answer-error' : 'answer-ok'}`} data-testid="run-answer">
              {run.result.error ? `${run.result.error.code}: ${run.result.error.message}` : 'completed'}
            </p>
            {run.result.error?.unmapped && <p className="small muted">Rocket.Chat does not map this error: a client sees “Internal server error”.</p>}
            {(why.length > 0 || run.result.summary) && <p data-testid="run-summary">{breakable(why.length > 0 ? why.join(' ') : run.result.summary)}</p>}
            <CutOffCalls events={run.events} />
            {run.state !== 'settled' && <p className="small muted">Post handlers the host does not wait for are still running…</p>}
          </>
        )}
        {run && run.unloadable.length > 0 && (
          <div className="answer-warn" data-testid="run-unloadable">
            Not enabled, so never called: {run.unloadable.map((u) => `${u.name} (${u.error.split('\n')[0]})`).join('; ')}
          </div>
        )}
      </div>
    </section>
  );
}
