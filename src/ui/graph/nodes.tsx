/**
 * Custom node components of the run graph: a lane per phase (its handlers side by side), host
 * steps. The action and the outcome are drawn outside the canvas (GraphHeader, OutcomeCard) so
 * they stay in view.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { STATE_LABEL } from '../../graph/labels.ts';
import type { FlowNode } from './to-flow.ts';

/** Lanes connect top to bottom under their label; handlers left to right. */
const Ports = ({ lane }: { lane?: boolean }) => (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
    {lane && <Handle type="target" position={Position.Top} id="top" isConnectable={false} style={{ left: 40 }} />}
    {lane && <Handle type="source" position={Position.Bottom} id="bottom" isConnectable={false} style={{ left: 40 }} />}
  </>
);

export function fmtMs(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  return ms < 1 ? '<1 ms' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "IPreRoomCreatePrevent" with break opportunities between its words, so it wraps as words. */
function camelBreaks(name: string) {
  const words = name.match(/I?[A-Z][a-z]+|[A-Z]+(?![a-z])/g) ?? [name];
  return words.map((w, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {w}
    </span>
  ));
}

export const PhaseNodeView = memo(function PhaseNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'phase') return null;
  const empty = !data.hasChildren;
  return (
    <div
      className={`hs-node hs-node-phase hs-phase-${n.state}${empty ? ' hs-phase-is-empty' : ''}`}
      data-testid={`graph-phase-${n.event}`}
      data-state={n.state}
      title={`${n.event}${n.summary ? `: ${n.summary}` : ''}`}
    >
      <Ports lane />
      <div className="hs-phase-label">
        <span className="hs-node-title">{n.label}</span>
        {!empty && <span className="hs-phase-event">{camelBreaks(n.event)}</span>}
        {!n.awaited && !empty && (
          <span className="hs-badge hs-badge-detached" title="The host does not wait for these handlers: the action completes before they finish.">
            not awaited
          </span>
        )}
      </div>
      {empty && <span className="hs-phase-empty">{n.state === 'not-run' ? 'not run · no app listens' : 'no app listens'}</span>}
    </div>
  );
});

export const HandlerNodeView = memo(function HandlerNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'handler') return null;
  const duration = fmtMs(n.durationMs);
  return (
    <div
      className={`hs-node hs-node-handler hs-state-${n.state}${n.decisive ? ' hs-decisive' : ''}${data.selected ? ' hs-selected' : ''}`}
      data-testid={`graph-handler-${n.event}-${n.appId}`}
      data-state={n.state}
      data-decisive={n.decisive ? 'true' : 'false'}
      title={`${n.appName} · ${n.method}\n${STATE_LABEL[n.state]}: ${n.says}${duration ? `\n${duration}` : ''}`}
    >
      <Ports />
      {n.decisive && (
        <span className="hs-decided" data-testid="graph-decided">
          ◆ decided here
        </span>
      )}
      <div className="hs-handler-top">
        <span className="hs-node-title" data-testid="graph-node-name">
          {n.appName}
        </span>
        {duration && <span className="hs-duration">{duration}</span>}
      </div>
      <div className="hs-node-says" data-testid="graph-node-says">
        {n.says}
      </div>
      <span className="hs-sr-only">{`, ${n.method}, ${STATE_LABEL[n.state]}`}</span>
      {n.was && (
        <div className="hs-was" data-testid="graph-handler-was">
          {n.was}
        </div>
      )}
    </div>
  );
});

export const HostNodeView = memo(function HostNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'host') return null;
  return (
    <div
      className={`hs-node hs-node-host hs-host-${n.state}`}
      data-testid={`graph-host-${n.id}`}
      data-state={n.state}
      title={`The host: ${n.label} (${n.state})`}
    >
      <Ports lane />
      <span className="hs-node-title">
        {n.state === 'done' ? '✓ ' : ''}
        {n.label}
      </span>
    </div>
  );
});

export const NODE_TYPES = {
  phase: PhaseNodeView,
  handler: HandlerNodeView,
  host: HostNodeView,
};
