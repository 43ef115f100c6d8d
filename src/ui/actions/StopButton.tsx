/** Stop: shown while a run is in progress (next to Run and in the top bar). */
import { STOP_HINT, stopRun, useStoppable } from './run-control.ts';

export function StopButton({ testId = 'stop-button', compact = false }: { testId?: string; compact?: boolean }) {
  const visible = useStoppable();
  if (!visible) return null;
  return (
    <button type="button" className={`btn btn-danger ${compact ? 'btn-small' : ''}`} data-testid={testId} title={STOP_HINT} onClick={stopRun}>
      ■ Stop
    </button>
  );
}
