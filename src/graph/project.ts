/**
 * The flow graph of a run as a pure function of its trace (and a cursor for replay / step-through):
 * the action, its phases in the host's real order with a node per (app, handler) in listener order,
 * the host's own steps, and the outcome. Replaying a past run is projecting its old trace.
 */
import type { RoomEvent } from '../engine/events.ts';
import { describeAction } from '../engine/actions.ts';
import type { PlanIgnored, PlanStep } from '../engine/plan.ts';
import type { TraceEvent } from '../engine/trace.ts';
import { handlerView, type HandlerFacts } from './handler-state.ts';
import { PHASE_LABEL } from './labels.ts';
import { layout } from './layout.ts';
import { isDecisive, nodeWords } from './node-words.ts';
import { explainRun } from './why.ts';
import type { GraphEdge, GraphNode, HandlerNode, HostStepNode, OutcomeNode, PhaseNode, RunGraph, StepState } from './types.ts';

type RunStart = Extract<TraceEvent, { type: 'run-start' }>;

export function projectRun(allEvents: readonly TraceEvent[], cursor = allEvents.length): RunGraph {
  const events = allEvents.slice(0, cursor);
  const start = allEvents.find((e): e is RunStart => e.type === 'run-start');
  if (!start) throw new Error('a run trace must begin with run-start');
  const runId = start.runId;
  const mine = events.filter((e) => e.runId === runId);

  const phaseStarted = new Set<RoomEvent>();
  const phaseEnded = new Map<RoomEvent, string>();
  const preventedBy = new Set<string>();
  const stoppedBy = new Map<string, RoomEvent>();
  const facts = new Map<string, HandlerFacts>();
  const commits = new Set<string>();
  let outcome: Extract<TraceEvent, { type: 'outcome' }> | undefined;
  let settled = false;
  const factsOf = (event: RoomEvent, appId: string) => {
    const key = `${event}|${appId}`;
    let f = facts.get(key);
    if (!f) facts.set(key, (f = { paused: [], starts: [], ends: [] }));
    return f;
  };
  for (const e of mine) {
    if (e.type === 'phase-start') phaseStarted.add(e.event);
    else if (e.type === 'phase-end') {
      phaseEnded.set(e.event, e.summary);
      if (e.preventedBy) preventedBy.add(e.preventedBy);
      if (e.stoppedBy) stoppedBy.set(e.stoppedBy, e.event);
    } else if (e.type === 'call-paused') factsOf(e.call.event, e.call.appId).paused.push(e.call);
    else if (e.type === 'call-start') factsOf(e.call.event, e.call.appId).starts.push(e);
    else if (e.type === 'call-end') factsOf(e.call.event, e.call.appId).ends.push(e);
    else if (e.type === 'listener-skipped') factsOf(e.event, e.appId).skip = e;
    else if (e.type === 'commit') commits.add(e.what);
    else if (e.type === 'outcome') outcome = e;
    else if (e.type === 'run-settled') settled = true;
  }

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const actionNode: GraphNode = {
    kind: 'action',
    id: 'action',
    label: describeAction(start.action),
    origin: start.origin.kind === 'app' ? `started by app ${start.origin.appId}` : 'started by the user',
    profile: start.profile,
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  };
  nodes.push(actionNode);

  let responsible: string | undefined;
  const deciding = new Set([...preventedBy, ...stoppedBy.keys()]);
  let flowTail = 'action';
  let flowTaken = true;
  let hostDone = false;
  for (const step of start.plan) {
    if (step.kind === 'host') {
      const done = commits.size > 0 && hostCommitted(step, commits);
      hostDone = hostDone || done;
      const node: HostStepNode = {
        kind: 'host',
        id: `host:${step.what}`,
        label: step.label,
        state: done ? 'done' : outcome ? 'not-run' : 'pending',
        x: 0,
        y: 0,
        width: 0,
        height: 0,
      };
      nodes.push(node);
      edges.push({ id: `flow:${flowTail}->${node.id}`, source: flowTail, target: node.id, style: 'flow', taken: flowTaken && done });
      flowTail = node.id;
      flowTaken = flowTaken && done;
      continue;
    }
    const phase = phaseNode(step, phaseStarted, phaseEnded, outcome !== undefined, settled, hostDone);
    nodes.push(phase);
    const detached = !step.awaited;
    edges.push({
      id: `flow:${flowTail}->${phase.id}`,
      source: flowTail,
      target: phase.id,
      style: detached ? 'detached' : 'flow',
      taken: phase.state !== 'pending' && phase.state !== 'not-run',
    });
    let previous: string | null = null;
    const rows = [
      ...step.listeners.map((l) => ({ ...l, ignored: null })),
      ...step.ignored.map((i) => ({ appId: i.appId, name: i.name, loaded: true, ignored: i.reason, ...(i.detail !== undefined ? { detail: i.detail } : {}) })),
    ];
    for (const row of rows) {
      const node = handlerNode(step, row, phase, facts.get(`${step.event}|${row.appId}`), preventedBy);
      nodes.push(node);
      node.decisive = !responsible && isDecisive(node, mine, deciding);
      if (node.decisive) responsible = node.id;
      if (previous && !row.ignored)
        edges.push({
          id: `seq:${previous}->${node.id}`,
          source: previous,
          target: node.id,
          style: 'sequence',
          taken: node.state !== 'pending' && node.state !== 'not-run' && node.state !== 'not-reached',
        });
      if (!row.ignored) previous = node.id;
    }
    if (!detached) {
      flowTail = phase.id;
      flowTaken = phase.state === 'done';
    }
  }
  const outcomeNode: OutcomeNode = {
    kind: 'outcome',
    id: 'outcome',
    state: outcome?.outcome ?? 'pending',
    error: outcome?.error ?? null,
    summary: outcome?.summary ?? 'running…',
    why: [],
    notices: [],
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    ...(responsible ? { responsible } : {}),
  };
  // Effect words need every node (who decided), so they are filled in once all are built.
  const decider = nodes.find((n): n is HandlerNode => n.kind === 'handler' && n.decisive)?.appName ?? null;
  const loaded = new Map(start.plan.flatMap((s) => (s.kind === 'event' ? s.listeners.map((l) => [l.appId, l.loaded] as const) : [])));
  for (const n of nodes) if (n.kind === 'handler') n.says = nodeWords(n, mine, { decider, loaded: loaded.get(n.appId) ?? true, timeoutMs: start.timeoutMs });
  const why = explainRun(nodes, mine);
  outcomeNode.why = why.sentences;
  outcomeNode.notices = why.notices;
  nodes.push(outcomeNode);
  edges.push({ id: `flow:${flowTail}->outcome`, source: flowTail, target: 'outcome', style: 'flow', taken: outcome !== undefined && flowTaken });
  if (responsible && outcome) edges.push({ id: `cause:${responsible}->outcome`, source: responsible, target: 'outcome', style: 'cause', taken: true });
  return {
    runId,
    nodes: layout(nodes),
    edges,
    settled: settled || (outcome !== undefined && !start.plan.some((s) => s.kind === 'event' && !s.awaited && s.listeners.length > 0 && hostDone)),
  };
}

function hostCommitted(step: Extract<PlanStep, { kind: 'host' }>, commits: Set<string>): boolean {
  const wanted = { commit: 'room-created', delete: 'room-deleted', subscribe: 'member-added', remove: 'member-removed' }[step.what];
  return commits.has(wanted);
}

function phaseNode(
  step: Extract<PlanStep, { kind: 'event' }>,
  started: Set<RoomEvent>,
  ended: Map<RoomEvent, string>,
  finished: boolean,
  settled: boolean,
  hostDone: boolean,
): PhaseNode {
  let state: StepState = 'pending';
  if (ended.has(step.event)) state = 'done';
  else if (started.has(step.event)) state = 'running';
  else if (finished && (step.awaited || settled || !hostDone)) state = 'not-run';
  const summary = ended.get(step.event);
  return {
    kind: 'phase',
    id: `phase:${step.event}`,
    event: step.event,
    label: PHASE_LABEL[step.event],
    state,
    awaited: step.awaited,
    x: 0,
    y: 0,
    width: 0,
    height: 0,
    ...(summary ? { summary } : {}),
  };
}

function handlerNode(
  step: Extract<PlanStep, { kind: 'event' }>,
  row: { appId: string; name: string; loaded: boolean; ignored: PlanIgnored['reason'] | null; detail?: string },
  phase: PhaseNode,
  facts: HandlerFacts | undefined,
  preventedBy: Set<string>,
): HandlerNode {
  const base = {
    kind: 'handler' as const,
    says: '',
    decisive: false,
    id: `handler:${step.event}:${row.appId}`,
    event: step.event,
    appId: row.appId,
    appName: row.name,
    method: methodOf(step.event),
    awaited: step.awaited,
    parentId: phase.id,
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  };
  if (row.ignored === 'missing-implements')
    return { ...base, state: 'not-implemented', detail: `has ${base.method} but no \`implements ${step.event}\`: never called`, callIds: [] };
  if (row.ignored === 'disabled') return { ...base, state: 'disabled', detail: 'the app is disabled', callIds: [] };
  if (row.ignored === 'not-enabled') return { ...base, state: 'disabled', detail: `not enabled: ${row.detail ?? 'see the app list'}`, callIds: [] };
  const view = facts ? handlerView(facts, preventedBy) : null;
  if (view) return { ...base, ...view };
  if (phase.state === 'not-run') return { ...base, state: 'not-run', detail: 'the host never got to this event', callIds: [] };
  if (phase.state === 'done') return { ...base, state: 'returned', detail: 'no check method call recorded', callIds: [] };
  return { ...base, state: 'pending', detail: row.loaded ? 'waiting' : 'could not be loaded', callIds: [] };
}

function methodOf(event: RoomEvent): string {
  return `execute${event.slice(1)}`;
}

/** The "why" sentences of a finished run, as its outcome card shows them (empty while it runs). */
export function whyOfRun(events: readonly TraceEvent[]): string[] {
  if (!events.some((e) => e.type === 'run-start')) return [];
  const outcome = projectRun(events).nodes.find((n) => n.kind === 'outcome');
  return outcome?.kind === 'outcome' ? outcome.why : [];
}
