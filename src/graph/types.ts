/** The drawn pipeline of one run: nodes and edges with positions, independent of any UI library. */
import type { WireError } from '../protocol/runtime-protocol.ts';
import type { RoomEvent } from '../engine/events.ts';
import type { HostError } from '../engine/errors.ts';
import type { Outcome } from '../engine/trace.ts';

export type HandlerState =
  | 'pending'
  /** Step-through: this call is next and waits for Step. */
  | 'paused'
  | 'running'
  | 'returned'
  | 'prevented'
  | 'skipped-check'
  | 'threw'
  | 'threw-stopped'
  | 'not-found'
  | 'timed-out'
  | 'stopped'
  | 'crashed'
  | 'not-reached'
  | 'chain-broken'
  | 'not-run'
  | 'not-implemented'
  | 'disabled';

export type StepState = 'pending' | 'running' | 'done' | 'not-run';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Id of the group (phase) node this node sits in. */
  parentId?: string;
}

export interface ActionNode extends Box {
  kind: 'action';
  label: string;
  origin: string;
  /** The Rocket.Chat version profile the run used (spec section 8). */
  profile: string;
}

export interface PhaseNode extends Box {
  kind: 'phase';
  event: RoomEvent;
  label: string;
  state: StepState;
  /** False for Post handlers the host does not wait for. */
  awaited: boolean;
  summary?: string;
}

export interface HandlerNode extends Box {
  kind: 'handler';
  event: RoomEvent;
  appId: string;
  appName: string;
  method: string;
  state: HandlerState;
  /** One short line: "returned true", "check returned false", "UserNotAllowedException"... */
  detail: string;
  /** What the host made of it (from the trace). */
  effect?: string;
  /** Its effect in words, the line the graph shows: "added customFields.team", "not reached"... */
  says: string;
  /** The node that decided or broke the run (prevented, stopped the loop, broke the chain). */
  decisive: boolean;
  callIds: string[];
  durationMs?: number;
  error?: WireError;
  awaited: boolean;
  /** Set by the page when a re-run changed this handler's state: the earlier one ("was returned"). */
  was?: string;
}

export interface HostStepNode extends Box {
  kind: 'host';
  label: string;
  state: StepState;
}

export interface OutcomeNode extends Box {
  kind: 'outcome';
  state: Outcome | 'pending';
  error: HostError | null;
  summary: string;
  /**
   * Why, in sentences that name the culprit: the deciding app and method, who extended or
   * modified, which fields were dropped and why, what was swallowed or timed out, what was not reached.
   */
  why: string[];
  /** Swallowed errors and timeouts: the run "completed" but something did not do its job. */
  notices: string[];
  /** The handler node responsible for the outcome, if one is. */
  responsible?: string;
  /** Set by the page when a re-run changed the result: "was completed, now prevented by Guard". */
  was?: string;
}

export type GraphNode = ActionNode | PhaseNode | HandlerNode | HostStepNode | OutcomeNode;

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** 'detached': the host fires and forgets (Post create, Post deleted, Post join). */
  style: 'flow' | 'detached' | 'sequence' | 'cause';
  /** Whether execution went along this edge (so far). */
  taken: boolean;
}

export interface RunGraph {
  runId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True once the outcome is known and every background handler settled. */
  settled: boolean;
}
