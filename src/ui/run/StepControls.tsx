/** Step-through and slow motion for teaching: Step mode, Step (F10) and Continue (F8) while stepping, speed, Stop when there is something to stop. */
import { useEffect } from 'react';
import type { Speed } from '../../state/inspect-slice.ts';
import { useStore } from '../../state/store.ts';
import { StopButton } from '../actions/StopButton.tsx';
import { continueRun, setStepping, step } from './actions.ts';

const SPEEDS: { value: Speed; label: string }[] = [
  { value: 'full', label: 'full speed' },
  { value: '0.25', label: '0.25x' },
  { value: '0.5', label: '0.5x' },
  { value: '1', label: '1x' },
  { value: '2', label: '2x' },
];

function useStepKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F10') {
        e.preventDefault();
        step();
      } else if (e.key === 'F8') {
        e.preventDefault();
        continueRun();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

export function StepControls() {
  const { enabled, speed, waiting } = useStore((s) => s.step);
  useStepKeys(enabled);
  return (
    <div className="run-step" role="group" aria-label="Step-through">
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={enabled}
        data-testid="step-mode"
        title="Pause before every handler call (teaching)"
        onClick={() => setStepping(!enabled, speed)}
      >
        {enabled ? 'Stepping: on' : 'Step mode'}
      </button>
      {/* Step and Continue only in step mode: outside it they could never be used. */}
      {enabled && (
        <>
          <button
            type="button"
            className="btn btn-small"
            data-testid="step-next"
            disabled={!waiting}
            title="Step: make the next handler call (F10)"
            onClick={step}
          >
            Step
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="step-continue"
            disabled={!waiting}
            title="Continue: run the rest of this run without pausing (F8)"
            onClick={continueRun}
          >
            Continue
          </button>
        </>
      )}
      <label className="run-speed" title="Slow motion: a pause of 800 ms ÷ speed before each handler">
        <select
          className="input input-small"
          value={speed}
          data-testid="step-speed"
          aria-label="Speed"
          onChange={(e) => setStepping(enabled, e.target.value as Speed)}
        >
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <StopButton testId="run-stop" compact />
    </div>
  );
}
