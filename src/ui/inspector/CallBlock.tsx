/** One check or execute call: arguments, answer (value or error with clickable stack frames). */
import type { InspectedCall } from './inspect.ts';
import { stackFrames } from './inspect.ts';
import { Json } from './Json.tsx';
import { breakable } from '../breakable.tsx';

const ACCESSOR = /^<(read|http|persistence|modify)>$/;

const ms = (v: number) => (v < 1 ? '<1 ms' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);

/** "3 ms", or with a cold start "load 410 ms · call 3 ms". */
export function durationText(call: Pick<InspectedCall, 'durationMs' | 'loadMs' | 'firstCall'>): string {
  const callText = `${ms(call.durationMs)}${call.firstCall ? ' (first call)' : ''}`;
  return call.loadMs !== undefined ? `load ${ms(call.loadMs)} · call ${callText}` : callText;
}

export function CallBlock({
  call,
  theme,
  onJump,
}: {
  call: InspectedCall;
  theme: 'dark' | 'light';
  onJump?(file: string, line: number, column: number): void;
}) {
  const paused = call.status === 'paused';
  return (
    <section className={`hs-insp-section${paused ? ' hs-insp-paused' : ''}`} data-testid={`inspector-call-${call.role}`} data-status={call.status}>
      <h4>
        {paused ? 'next: ' : ''}
        {call.role === 'check' ? 'check' : 'execute'} <span className="hs-mono hs-insp-muted">{breakable(call.method)}</span>
        {!paused && (
          <span
            className="hs-insp-dur"
            data-testid="inspector-duration"
            title={
              call.loadMs !== undefined
                ? 'load: the wait for the app to start (worker, compile, construct, enable) before this call; call: the handler itself'
                : call.firstCall
                  ? 'The first call of a fresh runtime: includes its warm-up'
                  : 'How long the handler took'
            }
          >
            {durationText(call)}
          </span>
        )}
      </h4>
      {!paused && (call.loadMs !== undefined || call.firstCall) && (
        <p className="hs-insp-muted" data-testid="inspector-cold-start">
          {call.loadMs !== undefined
            ? `Cold start: the call waited ${ms(call.loadMs)} for the app to load (worker, compile, construct, enable) before it was made; that is not the handler's time.`
            : ''}
          {call.firstCall
            ? `${call.loadMs !== undefined ? ' ' : ''}First call of a fresh runtime: its time includes the runtime's warm-up, so later calls are usually faster.`
            : ''}
        </p>
      )}
      {paused && (
        <p className="hs-insp-muted" data-testid="inspector-paused-note">
          Paused before this call: press Step (F10) to make it with these arguments.
        </p>
      )}
      {call.effect && <p className="hs-insp-muted">{breakable(call.effect)}</p>}
      <details open>
        <summary>{paused ? 'Arguments it will receive' : 'Arguments'}</summary>
        <ol className="hs-args">
          {call.args.map((arg, i) => (
            <li key={i}>
              {typeof arg === 'string' && ACCESSOR.test(arg) ? (
                <span className="hs-mono hs-insp-muted">{arg}</span>
              ) : (
                <Json value={arg} theme={theme} levels={paused ? 3 : 1} />
              )}
            </li>
          ))}
        </ol>
      </details>
      {'result' in call && (
        <details open>
          <summary>Returned</summary>
          <div data-testid="inspector-result">
            <Json value={call.result} theme={theme} />
          </div>
        </details>
      )}
      {call.error && (
        <div className="hs-insp-error" data-testid="inspector-error">
          <div className="hs-mono">{`${call.error.className}: ${call.error.message}`}</div>
          {stackFrames(call.error.stack)
            .slice(1)
            .map((f, i) =>
              f.file && f.line !== null && onJump ? (
                <button
                  key={i}
                  type="button"
                  className="hs-frame hs-mono"
                  onClick={() => onJump(f.file as string, f.line as number, f.column ?? 1)}
                  title="Show in the editor"
                >
                  {f.text.trim()}
                </button>
              ) : (
                <div key={i} className="hs-frame hs-mono">
                  {f.text.trim()}
                </div>
              ),
            )}
        </div>
      )}
    </section>
  );
}
