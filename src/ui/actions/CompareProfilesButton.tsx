/** "Compare versions": runs the form's action under every Rocket.Chat profile, side by side. */
import { useCallback, useState } from 'react';
import type { ActionInput } from '../../engine/index.ts';
import { compareActionAcrossProfiles } from './compare-profiles.ts';
import { useStore } from '../../state/store.ts';
import { selectTheme } from '../../state/selectors.ts';
import { ProfileCompareDialog } from '../profiles/ProfileCompareDialog.tsx';
import { cleanAction } from './run-action.ts';

export function CompareProfilesButton({ action, disabled }: { action: ActionInput; disabled?: boolean }) {
  const [open, setOpen] = useState<ActionInput | null>(null);
  const theme = useStore(selectTheme);
  const runtime = useStore((s) => s.runtime.state);
  const run = useCallback((a: ActionInput) => compareActionAcrossProfiles(a), []);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="compare-profiles"
        disabled={disabled || runtime !== 'ready'}
        title="Run this action under every Rocket.Chat version profile (current, deno-1.43, legacy) from the current world, without changing it, and see where they differ"
        onClick={() => setOpen(cleanAction(action))}
      >
        Compare versions
      </button>
      {open && <ProfileCompareDialog action={open} theme={theme} run={run} onClose={() => setOpen(null)} />}
    </>
  );
}
