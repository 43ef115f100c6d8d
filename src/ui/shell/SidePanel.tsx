/** The right column: the Action panel and the World panel as two tabs. */
import { useStore } from '../../state/store.ts';
import { selectSideTab } from '../../state/selectors.ts';
import type { SideTab } from '../../state/ui-slice.ts';
import { ActionPanel } from '../actions/ActionPanel.tsx';
import { WorldTab } from './WorldTab.tsx';
import { ErrorBoundary } from '../ErrorBoundary.tsx';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'actions', label: 'Trigger action' },
  { id: 'world', label: 'World' },
];

export function SidePanel() {
  const tab = useStore(selectSideTab);
  const setTab = useStore((s) => s.setSideTab);
  return (
    <div className="side-panel">
      <div className="tabs" role="tablist" aria-label="Right panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            data-testid={`side-tab-${t.id}`}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'actions' ? (
          <ErrorBoundary key="actions" id="actions" area="the action panel">
            <ActionPanel />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary key="world" id="world" area="the world panel">
            <WorldTab />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
