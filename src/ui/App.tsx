/** The workbench: top bar, Apps | editor | Action/World, and the Run area (history | graph | inspector) below. */
import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { useStore } from '../state/store.ts';
import { selectTheme } from '../state/selectors.ts';
import { AppsPanel } from './apps/AppsPanel.tsx';
import { EditorArea } from './shell/EditorArea.tsx';
import { QuickSwitcher } from './shell/QuickSwitcher.tsx';
import { SidePanel } from './shell/SidePanel.tsx';
import { StatusBanners } from './shell/StatusBanners.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { ShareBar } from './share/ShareBar.tsx';
import { DevBar } from './dev/DevBar.tsx';
import { useShortcuts } from './shell/useShortcuts.ts';
import { RunArea } from './run/RunArea.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import './App.css';
import './layout.css';
import './controls.css';
import './presenter.css';

/**
 * The run-focus toggle (RunToolbar's "Focus run"): collapses the Apps | editor | Action row so the
 * graph gets the window's height, and expands it again to its last size. Dragging the separator
 * back down (or collapsing it by dragging) keeps the toggle's state true.
 */
function useRunFocus() {
  const ref = usePanelRef();
  const focused = useStore((s) => s.runFocused);
  const setFocused = useStore((s) => s.setRunFocused);
  useEffect(() => {
    const panel = ref.current;
    if (!panel || panel.isCollapsed() === focused) return;
    if (focused) panel.collapse();
    else panel.expand();
  }, [focused, ref]);
  const onResize = (size: { asPercentage: number }) => {
    const collapsed = size.asPercentage === 0;
    if (collapsed !== useStore.getState().runFocused) setFocused(collapsed);
  };
  return { ref, onResize };
}

export function App() {
  const theme = useStore(selectTheme);
  const presenter = useStore((s) => s.presenter);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.dataset['presenter'] = presenter ? 'on' : 'off';
  }, [presenter]);
  useShortcuts();
  const work = useRunFocus();
  const columns = useDefaultLayout({ id: 'hookscope.columns', storage: localStorage });
  const rows = useDefaultLayout({ id: 'hookscope.rows', storage: localStorage });

  return (
    <div className="workbench" data-testid="workbench">
      <a className="skip-link" href="#run-area" data-testid="skip-link">
        Skip to the run graph
      </a>
      <ErrorBoundary id="top-bar" area="the top bar">
        <TopBar />
      </ErrorBoundary>
      <ErrorBoundary id="share-bar" area="the share bar">
        <ShareBar />
      </ErrorBoundary>
      <ErrorBoundary id="dev-bar" area="the dev bar">
        <DevBar />
      </ErrorBoundary>
      <ErrorBoundary id="banners" area="the status banners">
        <StatusBanners />
      </ErrorBoundary>
      <main className="workbench-main" aria-label="Workbench">
        <Group className="workbench-rows" orientation="vertical" {...rows}>
          <Panel id="work" defaultSize="42%" minSize={220} collapsible collapsedSize={0} panelRef={work.ref} onResize={work.onResize}>
            <Group className="workbench-columns" orientation="horizontal" {...columns}>
              <Panel id="apps" defaultSize="19%" minSize={200} className="panel">
                <ErrorBoundary id="apps" area="the apps list">
                  <AppsPanel />
                </ErrorBoundary>
              </Panel>
              <Separator className="resize-handle" />
              <Panel id="center" defaultSize="53%" minSize={300} className="panel">
                <ErrorBoundary id="editor" area="the editor">
                  <EditorArea />
                </ErrorBoundary>
              </Panel>
              <Separator className="resize-handle" />
              <Panel id="side" defaultSize="28%" minSize={280} className="panel">
                <ErrorBoundary id="side" area="the action and world panel">
                  <SidePanel />
                </ErrorBoundary>
              </Panel>
            </Group>
          </Panel>
          <Separator className="resize-handle resize-handle--row" />
          {/* The Run area spans the full width: history | graph or console | inspector. */}
          <Panel id="run" defaultSize="58%" minSize={160} className="panel">
            <ErrorBoundary id="run-area" area="the run area">
              <RunArea />
            </ErrorBoundary>
          </Panel>
        </Group>
      </main>
      <QuickSwitcher />
    </div>
  );
}
