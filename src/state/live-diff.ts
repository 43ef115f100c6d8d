/**
 * What a re-run changed against the result it repeats (pure): one sentence for the outcome
 * ("was completed, now prevented by Guard") and, on the graph, the earlier state of every node
 * whose state changed. The graph receives it as data (`was` on handler and outcome nodes).
 */
import type { TraceEvent } from '../engine/index.ts';
import { STATE_LABEL } from '../graph/labels.ts';
import { projectRun } from '../graph/project.ts';
import type { GraphNode, RunGraph } from '../graph/types.ts';
import { outcomeFacts, outcomeText } from './outcome-facts.ts';
import { sameOutcome } from './replay-diff.ts';
import type { PreviousResult } from '../workspace/types.ts';

export interface ResultChange {
  changed: boolean;
  /** "was completed, now prevented by Guard" or "same result as run #3: completed". */
  text: string;
}

export function resultChange(previous: readonly TraceEvent[], now: readonly TraceEvent[]): ResultChange | null {
  const before = outcomeFacts(previous);
  const after = outcomeFacts(now);
  if (before.outcome === 'running' || after.outcome === 'running') return null;
  if (sameOutcome(before, after)) return { changed: false, text: `same result: ${outcomeText(after)}` };
  return { changed: true, text: `was ${outcomeText(before)}, now ${outcomeText(after)}` };
}

const stateOf = (n: GraphNode): string | null => (n.kind === 'handler' ? n.state : n.kind === 'outcome' ? n.state : null);

/** The graph with `was` set on the handler and outcome nodes whose result differs from `previous`. */
export function markChanges(graph: RunGraph, previous: PreviousResult | undefined, nowEvents: readonly TraceEvent[]): RunGraph {
  if (!previous || !previous.events.some((e) => e.type === 'run-start')) return graph;
  const change = resultChange(previous.events, nowEvents);
  if (!change) return graph;
  const root = previous.events.find((e) => e.type === 'run-start')!.runId;
  let before: RunGraph;
  try {
    before = projectRun(previous.events.filter((e) => e.runId === root));
  } catch {
    return graph;
  }
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const nodes = graph.nodes.map((n): GraphNode => {
    if (n.kind === 'outcome') return change.changed ? { ...n, was: change.text } : n;
    if (n.kind !== 'handler') return n;
    const o = old.get(n.id);
    if (!o || o.kind !== 'handler' || stateOf(o) === stateOf(n)) return n;
    return { ...n, was: `was ${STATE_LABEL[o.state]}` };
  });
  return { ...graph, nodes };
}
