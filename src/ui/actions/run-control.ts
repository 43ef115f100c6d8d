/**
 * Whether a run is in progress long enough to offer Stop (a normal run answers in a few ms, so
 * the control would only flash), and Stop itself: the controller terminates every busy worker.
 */
import { useEffect, useState } from 'react';
import { getController } from '../../state/browser-controller.ts';
import type { StoreState } from '../../state/store.ts';
import { useStore } from '../../state/store.ts';

export const STOP_AFTER_MS = 250;
export const STOP_HINT = 'Stop the handler that is running: its worker is terminated and the host goes on as after a timeout (Esc)';

/** A run waiting for the host's answer, or with Post handlers still running in the background. */
export function runInProgress(s: StoreState): { startedAt: number } | null {
  for (let i = s.runs.length - 1; i >= 0; i--) {
    const r = s.runs[i]!;
    if (r.state === 'running' || r.state === 'answered') return { startedAt: r.startedAt };
  }
  return null;
}

export function stopRun(): void {
  getController()?.stop();
}

/** True once a run has been in progress for STOP_AFTER_MS. */
export function useStoppable(): boolean {
  const startedAt = useStore((s) => runInProgress(s)?.startedAt ?? null);
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (startedAt === null) return;
    const t = setTimeout(() => setLate(true), Math.max(0, STOP_AFTER_MS - (Date.now() - startedAt)));
    return () => clearTimeout(t);
  }, [startedAt]);
  return startedAt !== null && late;
}
