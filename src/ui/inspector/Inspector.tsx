/** The inspector for the selected graph node: what the handler got, did, returned, and what it meant. */
import { useMemo } from 'react';
import type { TraceEvent } from '../../engine/index.ts';
import { STATE_LABEL } from '../../graph/labels.ts';
import type { GraphNode } from '../../graph/types.ts';
import { Json } from './Json.tsx';
import { CallBlock } from './CallBlock.tsx';
import { ActivityBlock } from './ActivityBlock.tsx';
import { FieldsBlock } from './FieldsBlock.tsx';
import { inspect } from './inspect.ts';
import { breakable } from '../breakable.tsx';
import './inspector.css';

export interface InspectorProps {
  /** The run's trace events (the user run and the runs apps started inside it). */
  events: readonly TraceEvent[];
  node: GraphNode | null;
  theme: 'dark' | 'light';
  /** Jump to a line of an app's file in the editor. */
  onJumpToSource?(appId: string, file: string, line: number, column: number): void;
  onSelectLogsOf?(callIds: string[]): void;
}

export function Inspector({ events, node, theme, onJumpToSource }: InspectorProps) {
  const data = useMemo(() => inspect(events, node), [events, node]);
  if (!node)
    return (
      <div className="hs-insp-empty" data-testid="inspector-empty">
        Select a node of the graph to inspect it.
      </div>
    );
  const jump =
    onJumpToSource && node.kind === 'handler' ? (file: string, line: number, column: number) => onJumpToSource(node.appId, file, line, column) : undefined;
  const start = events.find((e) => e.type === 'run-start');
  const profile = start && start.type === 'run-start' ? start.profile : null;
  return (
    <div className="hs-insp" data-testid="inspector" data-node-id={node.id}>
      {profile && (
        <div className="hs-insp-profile" data-testid="inspector-profile" title="The Rocket.Chat version profile this run used">
          profile: {profile}
        </div>
      )}
      {node.kind === 'handler' && (
        <>
          <header className="hs-insp-head">
            <div>
              <div className="hs-insp-title">{node.appName}</div>
              <div className="hs-insp-sub hs-mono">{breakable(node.method)}</div>
            </div>
            <span className={`hs-insp-state hs-state-${node.state}`}>{STATE_LABEL[node.state]}</span>
          </header>
          {node.effect && (
            <p className="hs-insp-effect" data-testid="inspector-effect">
              {breakable(node.effect)}
            </p>
          )}
          {data.calls.length === 0 && <p className="hs-insp-muted">{node.detail}</p>}
          {data.fields.length > 0 && <FieldsBlock fields={data.fields} />}
          {data.calls.map((call) => (
            <CallBlock key={call.callId} call={call} theme={theme} {...(jump ? { onJump: jump } : {})} />
          ))}
          <ActivityBlock
            accessors={data.accessors}
            logs={data.logs}
            pending={data.pending}
            settled={data.settled}
            theme={theme}
            {...(jump ? { onJump: jump } : {})}
          />
        </>
      )}
      {node.kind === 'outcome' && (
        <>
          <header className="hs-insp-head">
            <div className="hs-insp-title">Outcome: {node.state}</div>
          </header>
          {node.error && (
            <p className="hs-insp-error hs-mono" data-testid="inspector-host-error">
              {`${node.error.code}: ${node.error.message}`}
              {node.error.unmapped ? ' (not mapped by the host: a client sees an internal server error)' : ''}
            </p>
          )}
          <p className="hs-insp-effect">{breakable(node.summary)}</p>
          {data.merge && (
            <section className="hs-insp-section" data-testid="inspector-merge">
              <h4>What the host applied after Modify</h4>
              <p className="hs-insp-muted">{data.merge.note}</p>
              {data.merge.applied.map((f) => (
                <div key={`a-${f.field}`} className="hs-field hs-field-applied">
                  <span className="hs-mono">{f.field}</span> applied
                </div>
              ))}
              {data.merge.dropped.map((f) => (
                <div key={`d-${f.field}`} className="hs-field hs-field-dropped" data-testid={`inspector-dropped-${f.field}`}>
                  <span className="hs-mono">{f.field}</span> dropped: {f.reason}
                </div>
              ))}
            </section>
          )}
          <CommitBlock events={events} theme={theme} />
        </>
      )}
      {node.kind === 'phase' && (
        <>
          <header className="hs-insp-head">
            <div className="hs-insp-title">
              {node.label} <span className="hs-insp-sub hs-mono">{node.event}</span>
            </div>
          </header>
          <p className="hs-insp-effect">{node.summary ?? STATE_LABEL[node.state === 'not-run' ? 'not-run' : 'pending']}</p>
          {!node.awaited && (
            <p className="hs-insp-muted">The host fires these handlers and does not wait for them: the action completed before they finished.</p>
          )}
        </>
      )}
      {(node.kind === 'action' || node.kind === 'host') && <p className="hs-insp-effect">{node.label}</p>}
    </div>
  );
}

function CommitBlock({ events, theme }: { events: readonly TraceEvent[]; theme: 'dark' | 'light' }) {
  const commit = events.find((e): e is Extract<TraceEvent, { type: 'commit' }> => e.type === 'commit');
  if (!commit) return null;
  return (
    <section className="hs-insp-section">
      <h4>Committed ({commit.what})</h4>
      <Json value={commit.room} theme={theme} />
    </section>
  );
}
