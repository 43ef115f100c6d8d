/** A dialog that runs the current action under every profile and shows the comparison. */
import { useEffect, useRef, useState } from 'react';
import type { ProfileComparison, ActionInput } from '../../engine/index.ts';
import { ProfileCompare } from './ProfileCompare.tsx';

export interface ProfileCompareDialogProps {
  action: ActionInput;
  theme: 'dark' | 'light';
  run(action: ActionInput): Promise<ProfileComparison>;
  onClose(): void;
}

export function ProfileCompareDialog({ action, theme, run, onClose }: ProfileCompareDialogProps) {
  const [state, setState] = useState<{ kind: 'running' } | { kind: 'done'; comparison: ProfileComparison } | { kind: 'error'; message: string }>({
    kind: 'running',
  });
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    let alive = true;
    run(action).then(
      (comparison) => alive && setState({ kind: 'done', comparison }),
      (err: unknown) => alive && setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      alive = false;
    };
  }, [action, run]);
  return (
    <dialog ref={dialog} className="hs-pc-dialog" onClose={onClose} aria-labelledby="hs-pc-title" data-testid="profile-compare-dialog">
      <header className="hs-pc-dialog-head">
        <h2 id="hs-pc-title">Compare across Rocket.Chat versions</h2>
        <button type="button" className="btn btn-ghost" onClick={() => dialog.current?.close()} aria-label="Close">
          ×
        </button>
      </header>
      {state.kind === 'running' && <p aria-live="polite">Running the action under every profile (current, deno-1.43, legacy)…</p>}
      {state.kind === 'error' && (
        <p className="hs-insp-error" role="alert">
          The comparison failed: {state.message}
        </p>
      )}
      {state.kind === 'done' && <ProfileCompare comparison={state.comparison} theme={theme} />}
    </dialog>
  );
}
