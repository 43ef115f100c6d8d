import { useEffect, useRef } from 'react';
import type { RunGraph } from '../../graph/types.ts';
import { useStore } from '../../state/store.ts';
import { selectNode } from './actions.ts';

/**
 * Step mode: when a call pauses, its handler node is selected, so the inspector shows the
 * arguments the call is about to receive (and the editor highlights the method, EditorArea).
 */
export function useSelectPausedNode(graph: RunGraph | null): void {
  const waiting = useStore((s) => s.step.waiting);
  const nodeId = waiting ? `handler:${waiting.event}:${waiting.appId}` : null;
  const present = !!nodeId && !!graph?.nodes.some((n) => n.id === nodeId);
  const pausedCall = waiting?.callId ?? null;
  // The newest graph, read when the pause changes (not a reason to select again on every trace update).
  const latest = useRef(graph);
  latest.current = graph;
  useEffect(() => {
    const g = latest.current;
    if (pausedCall === null || !nodeId || !present || !g) return;
    selectNode(g.nodes.find((n) => n.id === nodeId) ?? null, g.runId);
  }, [pausedCall, nodeId, present]);
}
