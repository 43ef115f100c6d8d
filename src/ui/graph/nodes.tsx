/** Custom node components of the run graph: action, phase (group), handler, host step, outcome. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { STATE_LABEL } from '../../graph/labels.ts';
import type { FlowNode } from './to-flow.ts';

const Ports = ({ vertical }: { vertical?: boolean }) => (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
    <Handle type="source" position={Position.Right} id="right" isConnectable={false} />
    {vertical && <Handle type="target" position={Position.Top} id="top" isConnectable={false} />}
    {vertical && <Handle type="source" position={Position.Bottom} id="bottom" isConnectable={false} />}
  </>
);

function fmtMs(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  return ms < 1 ? '<1 ms' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const ActionNodeView = memo(function ActionNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'action') return null;
  return (
    <div className="hs-node hs-node-action" data-testid="graph-node-action">
      <Ports />
      <div className="hs-node-kicker">action</div>
      <div className="hs-node-title">{n.label}</div>
      <div className="hs-node-sub" data-testid="graph-action-profile">{n.origin} · {n.profile}</div>
    </div>
  );
});

export const PhaseNodeView = memo(function PhaseNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'phase') return null;
  return (
    <div className={`hs-node hs-node-phase hs-phase-${n.state}`} data-testid={`graph-phase-${n.event}`} data-state={n.state} title={n.summary}>
      <Ports />
      <div className="hs-phase-head">
        <span className="hs-node-title">{n.label}</span>
        {!n.awaited && <span className="hs-badge hs-badge-detached" title="The host does not wait for these handlers: the action completes before they finish.">not awaited</span>}
      </div>
      <div className="hs-phase-event">{n.event}</div>
      {n.width <= 140 && <div className="hs-phase-empty">no app listens</div>}
    </div>
  );
});

export const HandlerNodeView = memo(function HandlerNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'handler') return null;
  const duration = fmtMs(n.durationMs);
  return (
    <div
      className={`hs-node hs-node-handler hs-state-${n.state}${data.selected ? ' hs-selected' : ''}`}
      data-testid={`graph-handler-${n.event}-${n.appId}`}
      data-state={n.state}
      title={n.effect ?? n.detail}
    >
      <Ports vertical />
      <div className="hs-handler-top">
        <span className="hs-node-title">{n.appName}</span>
        <span className="hs-state-chip">{STATE_LABEL[n.state]}</span>
      </div>
      <div className="hs-node-sub hs-mono">{n.detail}</div>
      {n.was && <div className="hs-was" data-testid="graph-handler-was">{n.was}</div>}
      {duration && <div className="hs-duration">{duration}</div>}
    </div>
  );
});

export const HostNodeView = memo(function HostNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'host') return null;
  return (
    <div className={`hs-node hs-node-host hs-host-${n.state}`} data-testid={`graph-host-${n.id}`} data-state={n.state}>
      <Ports />
      <div className="hs-node-kicker">host</div>
      <div className="hs-node-title">{n.label}</div>
    </div>
  );
});

export const OutcomeNodeView = memo(function OutcomeNodeView({ data }: NodeProps<FlowNode>) {
  const n = data.node;
  if (n.kind !== 'outcome') return null;
  return (
    <div className={`hs-node hs-node-outcome hs-outcome-${n.state}${data.selected ? ' hs-selected' : ''}`} data-testid="graph-outcome" data-state={n.state}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="hs-node-kicker">outcome</div>
      <div className="hs-node-title">{n.state === 'pending' ? 'running…' : n.state}</div>
      {n.error && <div className="hs-outcome-error hs-mono">{`${n.error.code}: ${n.error.message}`}</div>}
      {n.was && <div className="hs-was" data-testid="graph-outcome-was">{n.was}</div>}
      <div className="hs-outcome-summary">{n.summary}</div>
    </div>
  );
});

export const NODE_TYPES = {
  action: ActionNodeView,
  phase: PhaseNodeView,
  handler: HandlerNodeView,
  host: HostNodeView,
  outcome: OutcomeNodeView,
};
