/** One check or execute call: arguments, answer (value or error with clickable stack frames). */
import type { InspectedCall } from './inspect.ts';
import { stackFrames } from './inspect.ts';
import { Json } from './Json.tsx';

const ACCESSOR = /^<(read|http|persistence|modify)>$/;

export function CallBlock({ call, theme, onJump }: { call: InspectedCall; theme: 'dark' | 'light'; onJump?(file: string, line: number, column: number): void }) {
  const fmt = call.durationMs < 1 ? '<1 ms' : `${Math.round(call.durationMs)} ms`;
  return (
    <section className="hs-insp-section" data-testid={`inspector-call-${call.role}`}>
      <h4>
        {call.role === 'check' ? 'check' : 'execute'} <span className="hs-mono hs-insp-muted">{call.method}</span>
        <span className="hs-insp-dur">{fmt}</span>
      </h4>
      {call.effect && <p className="hs-insp-muted">{call.effect}</p>}
      <details open>
        <summary>Arguments</summary>
        <ol className="hs-args">
          {call.args.map((arg, i) => (
            <li key={i}>{typeof arg === 'string' && ACCESSOR.test(arg) ? <span className="hs-mono hs-insp-muted">{arg}</span> : <Json value={arg} theme={theme} />}</li>
          ))}
        </ol>
      </details>
      {'result' in call && (
        <details open>
          <summary>Returned</summary>
          <div data-testid="inspector-result"><Json value={call.result} theme={theme} /></div>
        </details>
      )}
      {call.error && (
        <div className="hs-insp-error" data-testid="inspector-error">
          <div className="hs-mono">{`${call.error.className}: ${call.error.message}`}</div>
          {stackFrames(call.error.stack).slice(1).map((f, i) =>
            f.file && f.line !== null && onJump ? (
              <button key={i} type="button" className="hs-frame hs-mono" onClick={() => onJump(f.file as string, f.line as number, f.column ?? 1)} title="Show in the editor">
                {f.text.trim()}
              </button>
            ) : (
              <div key={i} className="hs-frame hs-mono">{f.text.trim()}</div>
            ),
          )}
        </div>
      )}
    </section>
  );
}
