/**
 * The World tab: the WorldPanel (src/ui/world/), loaded lazily. Edits go through the engine
 * controller so the engine's world is the one shown.
 */
import { lazy, Suspense } from 'react';
import type { WorldState } from '../../engine/index.ts';
import { editWorld, resetWorld } from '../actions/world-edit.ts';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store.ts';
import { selectWorld } from '../../state/selectors.ts';

const WorldPanel = lazy(() => import('../world/WorldPanel.tsx').then((m) => ({ default: m.WorldPanel })));

/** Time travel (the Run area's `viewedRunId`): the world after that run, read-only. */
function PastBanner({ seq, kept }: { seq: number; kept: boolean }) {
  const backToLive = useStore((s) => s.backToLive);
  return (
    <div className="world-past-banner" role="status" data-testid="world-past-banner">
      <span>
        {kept
          ? `World after run #${seq} (read-only)`
          : `The world after run #${seq} is no longer kept (only the newest runs keep theirs); showing the live world`}
      </span>
      {' — '}
      <button type="button" onClick={backToLive} data-testid="world-back-to-live">
        back to live
      </button>
    </div>
  );
}

export function WorldTab() {
  const live = useStore(selectWorld);
  const past = useStore((s) => (s.viewedRunId !== null ? (s.runs.find((r) => r.id === s.viewedRunId) ?? null) : null));
  const world = past?.worldAfter ?? live;
  const appNames = useStore(useShallow((s) => Object.fromEntries(s.apps.map((a) => [a.id, a.name]))));
  const onChange = (next: WorldState) => editWorld(next);
  const onReset = () => resetWorld();
  return (
    <div className="world-tab" data-testid="world-tab">
      {past && <PastBanner seq={past.seq ?? 0} kept={past.worldAfter !== null} />}
      <Suspense fallback={<p className="muted pad">Loading world…</p>}>
        <WorldPanel world={world} onChange={onChange} onReset={onReset} appNames={appNames} readOnly={past?.worldAfter != null} />
      </Suspense>
    </div>
  );
}
