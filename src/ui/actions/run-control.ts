/**
 * Whether a run is in progress long enough to offer Stop (a normal run answers in a few ms, so
 * the control would only flash), or an app's worker still runs code after its calls answered
 * (left-over timers), and Stop itself: the controller terminates every busy or lingering worker.
 */
import { useEffect, useState } from 'react';
import { getController } from '../../state/browser-controller.ts';
import type { StoreState } from '../../state/store.ts';
import { useStore } from '../../state/store.ts';

const STOP_AFTER_MS = 250;
const STOP_HINT = 'Stop the handler that is running: its worker is terminated and the host goes on as after a timeout (Esc)';

/** A run waiting for the host's answer, or with Post handlers still running in the background. */
function runInProgress(s: StoreState): { startedAt: number } | null {
  for (let i = s.runs.length - 1; i >= 0; i--) {
    const r = s.runs[i]!;
    if (r.state === 'running' || r.state === 'answered') return { startedAt: r.startedAt };
  }
  return null;
}

/** Stop's tooltip: what it will stop. */
export function stopHint(lingering: string[], running: boolean): string {
  if (running || lingering.length === 0) return STOP_HINT;
  const who = lingering.join(', ');
  return `Stop the timers ${who} ${lingering.length === 1 ? 'keeps' : 'keep'} running with no call in progress: ${lingering.length === 1 ? 'its worker is' : 'their workers are'} terminated and the app loads again on its next call (Esc)`;
}

export function stopRun(): void {
  getController()?.stop();
}

/**
 * The one rule of "is there something to stop" (Stop's button and Esc both read it): a run in
 * progress for STOP_AFTER_MS or more, or apps whose timers keep running. Null: nothing to stop.
 */
function stopTargets(startedAt: number | null, lingering: readonly string[], now: number): { running: boolean; lingering: readonly string[] } | null {
  const running = startedAt !== null && now - startedAt >= STOP_AFTER_MS;
  return running || lingering.length > 0 ? { running, lingering } : null;
}

/** What Stop offers: nothing, a run in progress (after STOP_AFTER_MS), or lingering apps only. */
export function useStoppable(): { visible: boolean; hint: string } {
  const startedAt = useStore((s) => runInProgress(s)?.startedAt ?? null);
  const lingering = useStore((s) => s.lingeringApps);
  const apps = useStore((s) => s.apps);
  // The time the offer is judged at: moved on once, when a run in progress reaches STOP_AFTER_MS.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const due = startedAt + STOP_AFTER_MS;
    const t = setTimeout(() => setNow(Math.max(Date.now(), due)), Math.max(0, due - Date.now()));
    return () => clearTimeout(t);
  }, [startedAt]);
  const targets = stopTargets(startedAt, lingering, now);
  const names = (targets?.lingering ?? []).map((id) => apps.find((a) => a.id === id)?.name ?? id);
  return { visible: targets !== null, hint: stopHint(names, targets?.running ?? false) };
}

/** Esc stops once Stop is offered (the caller checks that no dialog or widget takes Esc first). */
export function escWouldStop(s: StoreState, now: number): boolean {
  return stopTargets(runInProgress(s)?.startedAt ?? null, s.lingeringApps, now) !== null;
}
