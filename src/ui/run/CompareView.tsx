/** Two runs side by side, with a one-line outcome diff ("#3 prevented by Guard · #5 completed"). */
import { seqOf } from '../../state/run-memory.ts';
import { useMemo } from 'react';
import { projectRun } from '../../graph/project.ts';
import { outcomeFacts, outcomeText } from '../../state/outcome-facts.ts';
import type { RunRecord, Theme } from '../../workspace/types.ts';
import { RunGraphView } from '../graph/RunGraph.tsx';
import { eventsOf, hasStart } from './run-view.ts';

function Side({ run, theme }: { run: RunRecord; theme: Theme }) {
  const graph = useMemo(() => {
    const events = eventsOf(run, null);
    return hasStart(events) ? projectRun(events) : null;
  }, [run]);
  return (
    <div className="run-compare-side" data-testid={`compare-side-${seqOf(run)}`}>
      <div className="run-compare-title">#{seqOf(run)}</div>
      <RunGraphView graph={graph} selectedNodeId={null} onSelectNode={() => undefined} theme={theme} />
    </div>
  );
}

export function compareLine(a: RunRecord, b: RunRecord): string {
  return `#${seqOf(a)} ${outcomeText(outcomeFacts(a.events))} · #${seqOf(b)} ${outcomeText(outcomeFacts(b.events))}`;
}

export function CompareView({ a, b, theme, onClose }: { a: RunRecord; b: RunRecord; theme: Theme; onClose(): void }) {
  const [first, second] = seqOf(a) <= seqOf(b) ? [a, b] : [b, a];
  return (
    <div className="run-compare" data-testid="compare-view">
      <div className="run-compare-diff">
        <span data-testid="compare-diff">{compareLine(first, second)}</span>
        <button type="button" className="btn btn-small btn-ghost push-right" onClick={onClose}>
          End compare
        </button>
      </div>
      <div className="run-compare-graphs">
        <Side run={first} theme={theme} />
        <Side run={second} theme={theme} />
      </div>
    </div>
  );
}
