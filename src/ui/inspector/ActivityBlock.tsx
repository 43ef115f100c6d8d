/** Accessor reads and writes, log lines and left-over timers of the selected handler. */
import type { TraceEvent } from '../../engine/index.ts';
import { previewText } from '../../scenario/preview-text.ts';
import { Json } from './Json.tsx';

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

interface Props {
  accessors: Ev<'accessor'>[];
  logs: (Ev<'log'> | Ev<'logs-dropped'>)[];
  pending: Ev<'call-pending'>[];
  settled?: Ev<'call-settled'>[];
  theme: 'dark' | 'light';
  onJump?(file: string, line: number, column: number): void;
}

const AFTER = 'after the handler returned';

export function ActivityBlock({ accessors, logs, pending, settled = [], theme, onJump }: Props) {
  return (
    <>
      {accessors.length > 0 && (
        <section className="hs-insp-section" data-testid="inspector-accessors">
          <h4>Reads and writes ({accessors.length})</h4>
          {accessors.map((a, i) => (
            <details key={i} className={`hs-access ${a.write ? 'hs-access-write' : ''}`}>
              <summary>
                <span className="hs-tag">{a.write ? 'write' : 'read'}</span> <span className="hs-mono">{a.op}</span>
                {a.afterReturn && (
                  <span
                    className="hs-tag hs-tag-late"
                    data-testid="after-return"
                    title="Made by work the handler started without await, after it had returned (spec 7.2)"
                  >
                    {' '}
                    {AFTER}
                  </span>
                )}
                {!a.ok && <span className="hs-insp-error-inline"> failed: {a.error}</span>}
              </summary>
              <Json value={{ args: a.args, ...(a.ok ? { result: a.result } : { error: a.error }) }} theme={theme} />
            </details>
          ))}
        </section>
      )}
      {logs.length > 0 && (
        <section className="hs-insp-section" data-testid="inspector-logs">
          <h4>Log ({logs.length})</h4>
          {logs.map((l, i) =>
            l.type === 'logs-dropped' ? (
              <div key={i} className="hs-log hs-log-warn">
                {l.count} lines dropped (cap per call)
              </div>
            ) : (
              <div key={i} className={`hs-log hs-log-${l.level}`}>
                <span className="hs-mono">{l.args.map((a) => previewText(a)).join(' ')}</span>
                {l.afterReturn && (
                  <span className="hs-tag hs-tag-late" data-testid="after-return">
                    {' '}
                    {AFTER}
                  </span>
                )}
                {l.site && <SiteLink site={l.site} {...(onJump ? { onJump } : {})} />}
              </div>
            ),
          )}
        </section>
      )}
      {settled.length > 0 && (
        <section className="hs-insp-section" data-testid="inspector-after-return">
          <h4>Un-awaited work, after the handler returned</h4>
          {settled.map((p, i) => (
            <p key={i} className={p.cut ? 'hs-insp-error-inline' : 'hs-insp-muted'}>
              {p.note}
            </p>
          ))}
        </section>
      )}
      {pending.length > 0 && (
        <section className="hs-insp-section" data-testid="inspector-pending">
          <h4>Left running after it returned</h4>
          {pending.map((p, i) => (
            <p
              key={i}
              className="hs-insp-muted"
            >{`${p.timers} timer(s), ${p.intervals} interval(s), ${p.requests} unanswered accessor call(s): they run on after the handler returned, outside the host's pipeline.`}</p>
          ))}
        </section>
      )}
    </>
  );
}

function SiteLink({ site, onJump }: { site: string; onJump?(file: string, line: number, column: number): void }) {
  const m = /^(.*):(\d+)$/.exec(site);
  if (!m || !onJump) return <span className="hs-site hs-mono">{site}</span>;
  return (
    <button type="button" className="hs-site hs-mono" onClick={() => onJump(m[1] as string, Number(m[2]), 1)} title="Show in the editor">
      {site}
    </button>
  );
}
