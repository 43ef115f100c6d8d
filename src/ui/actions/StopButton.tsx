/** Stop: shown while a run is in progress or an app's timers keep running (next to Run and in the top bar). */
import { stopRun, useStoppable } from './run-control.ts';

export function StopButton({ testId = 'stop-button', compact = false }: { testId?: string; compact?: boolean }) {
  const { visible, hint } = useStoppable();
  if (!visible) return null;
  return (
    <button type="button" className={`btn btn-danger ${compact ? 'btn-small' : ''}`} data-testid={testId} title={hint} onClick={stopRun}>
      ■ Stop
    </button>
  );
}
