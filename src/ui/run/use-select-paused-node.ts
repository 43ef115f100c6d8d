import { useEffect } from 'react';
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
  useEffect(() => {
    if (!nodeId || !present || !graph) return;
    selectNode(graph.nodes.find((n) => n.id === nodeId) ?? null, graph.runId);
    // Only when the paused call changes (not on every trace update of the same pause).
  }, [waiting?.callId, present]);
}
