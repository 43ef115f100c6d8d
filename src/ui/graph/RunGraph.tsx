/**
 * The run graph as the page uses it: the empty state at once, the canvas (React Flow and d3,
 * ~60 KB gzip, `RunGraphView.tsx`) loaded on first use, so the page's first chunk stays small.
 */
import { lazy, Suspense } from 'react';
import type { RunGraphViewProps } from './RunGraphView.tsx';
// Both style sheets load with the page, React Flow's first, so the cascade is the one the canvas
// always had (graph.css overrides React Flow's rules); only the JavaScript is deferred.
import '@xyflow/react/dist/style.css';
import './graph.css';

export type { RunGraphViewProps } from './RunGraphView.tsx';

const loadView = () => import('./RunGraphView.tsx');
const LazyView = lazy(async () => ({ default: (await loadView()).RunGraphView }));

/** Starts loading the canvas before it is needed (e.g. when a run starts). */
export function preloadRunGraph(): void {
  void loadView();
}

export function RunGraphView(props: RunGraphViewProps) {
  const { graph } = props;
  if (!graph) {
    return (
      <div className="hs-graph-empty" data-testid="graph-empty">
        Run an action to see its pipeline here: every handler, in the order Rocket.Chat calls them.
      </div>
    );
  }
  return (
    <Suspense
      fallback={
        <div className="hs-graph-empty" data-testid="graph-loading">
          Loading the graph…
        </div>
      }
    >
      <LazyView {...props} graph={graph} />
    </Suspense>
  );
}
