/**
 * Top-bar indicator of runtime problems (a worker that died, a malformed message from the
 * sandbox...) and worker restarts (after a timeout or Stop: information, not an error). Opens
 * the list; "Dismiss" hides what was seen until something new happens.
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TraceEvent } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { useDismiss } from '../use-dismiss.ts';

type Problem = Extract<TraceEvent, { type: 'runtime-problem' | 'worker-restarted' }>;

/** A restart because the app's code changed is routine (src/engine/apps/app-process.ts setSource): not listed. */
const ROUTINE_RESTART = 'the app was reloaded';
const isProblem = (e: TraceEvent): e is Problem => e.type === 'runtime-problem' || (e.type === 'worker-restarted' && e.reason !== ROUTINE_RESTART);

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function RuntimeProblems() {
  const all = useStore(useShallow((s) => s.consoleEvents.filter(isProblem)));
  const apps = useStore((s) => s.apps);
  const [seen, setSeen] = useState(0);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(open, box, () => setOpen(false));
  // consoleEvents is capped and cleared with the run log: never keep a mark past its end.
  const fresh = all.filter((e) => e.at > seen);
  if (fresh.length === 0 && !open) return null;
  const errors = fresh.filter((e) => e.type === 'runtime-problem').length;
  const restarts = fresh.length - errors;
  const label = errors > 0 ? `⚠ ${plural(errors, 'runtime problem', 'runtime problems')}` : `ℹ ${plural(restarts, 'worker restarted', 'workers restarted')}`;
  const name = (id: string) => apps.find((a) => a.id === id)?.name ?? id;
  return (
    <div className="menu-anchor" ref={box}>
      <button
        type="button"
        className={`btn btn-small status-pill ${errors > 0 ? 'is-error' : 'is-info'}`}
        data-testid="runtime-problems"
        title={label}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {errors > 0 ? '⚠ ' : 'ℹ '}
        {errors > 0 ? errors : restarts}
        <span className="topbar-long">
          {errors > 0 ? ` ${errors === 1 ? 'runtime problem' : 'runtime problems'}` : ` ${restarts === 1 ? 'worker restarted' : 'workers restarted'}`}
        </span>
      </button>
      {open && (
        <div
          className="menu problems-list"
          role="dialog"
          aria-label="Runtime problems"
          data-testid="runtime-problems-list"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <ul>
            {[...fresh].reverse().map((e, i) => (
              <li key={i} className={e.type === 'runtime-problem' ? 'is-error' : 'is-info'}>
                <span className="problem-head">
                  {e.type === 'runtime-problem' ? '⚠ Problem' : 'ℹ Worker restarted'} · <strong>{name(e.appId)}</strong>
                  <span className="muted small push-right">{new Date(e.at).toLocaleTimeString()}</span>
                </span>
                <span className="problem-text">
                  {e.type === 'runtime-problem'
                    ? e.problem
                    : `${e.reason.charAt(0).toUpperCase()}${e.reason.slice(1)}. The app got a fresh worker and was constructed again, as Rocket.Chat does; the world lost nothing.`}
                </span>
              </li>
            ))}
            {fresh.length === 0 && <li className="muted">Nothing new.</li>}
          </ul>
          <div className="dialog-actions">
            <button
              type="button"
              className="btn btn-small"
              autoFocus
              onClick={() => {
                setSeen(Math.max(...all.map((e) => e.at), Date.now()));
                setOpen(false);
              }}
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
