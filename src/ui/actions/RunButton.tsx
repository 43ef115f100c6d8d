/** Runs the form's action; while a run is in progress, Stop sits next to it. */
import type { ActionInput } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { cleanAction, runAction } from './run-action.ts';
import { StopButton } from './StopButton.tsx';
import { CompareProfilesButton } from './CompareProfilesButton.tsx';

export function RunButton({ action, disabled, label = 'Run' }: { action: ActionInput; disabled?: boolean; label?: string | undefined }) {
  const runtime = useStore((s) => s.runtime.state);
  const busy = useStore((s) => s.runs.some((r) => r.state === 'running'));
  const title =
    runtime === 'starting'
      ? 'The app runtime is starting…'
      : runtime !== 'ready'
        ? 'The app runtime is not available'
        : 'Run on the current world (Ctrl/Cmd+Enter runs the last run again, from the world it started from)';
  return (
    <div className="run-row">
      <button
        type="submit"
        className="btn btn-primary"
        data-testid="run-button"
        disabled={disabled || runtime !== 'ready'}
        title={title}
        onClick={() => void runAction(cleanAction(action))}
      >
        {busy ? 'Running…' : `▶ ${label}`}
      </button>
      <StopButton />
      <CompareProfilesButton action={action} {...(disabled !== undefined ? { disabled } : {})} />
      <span className="muted small">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (also in the editor) runs the last run again
      </span>
    </div>
  );
}
