/** The workbench: top bar, Apps | editor | Action/World, with the run log below the editor. */
import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { useStore } from '../state/store.ts';
import { selectTheme } from '../state/selectors.ts';
import { AppsPanel } from './apps/AppsPanel.tsx';
import { RunLog } from './console/RunLog.tsx';
import { EditorArea } from './shell/EditorArea.tsx';
import { QuickSwitcher } from './shell/QuickSwitcher.tsx';
import { SidePanel } from './shell/SidePanel.tsx';
import { StatusBanners } from './shell/StatusBanners.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useShortcuts } from './shell/useShortcuts.ts';
import './App.css';
import './layout.css';
import './controls.css';

export function App() {
  const theme = useStore(selectTheme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useShortcuts();
  const columns = useDefaultLayout({ id: 'hookscope.columns', storage: localStorage });
  const rows = useDefaultLayout({ id: 'hookscope.center', storage: localStorage });

  return (
    <div className="workbench" data-testid="workbench">
      <TopBar />
      <StatusBanners />
      <Group className="workbench-columns" orientation="horizontal" {...columns}>
        <Panel id="apps" defaultSize="19%" minSize={200} className="panel">
          <AppsPanel />
        </Panel>
        <Separator className="resize-handle" />
        <Panel id="center" defaultSize="53%" minSize={300}>
          <Group orientation="vertical" {...rows}>
            <Panel id="editor" defaultSize="68%" minSize={120} className="panel">
              <EditorArea />
            </Panel>
            <Separator className="resize-handle resize-handle--row" />
            {/* The bottom region: the run log now; the flow graph and inspector join it later. */}
            <Panel id="bottom" defaultSize="32%" minSize={80} className="panel">
              <RunLog />
            </Panel>
          </Group>
        </Panel>
        <Separator className="resize-handle" />
        <Panel id="side" defaultSize="28%" minSize={280} className="panel">
          <SidePanel />
        </Panel>
      </Group>
      <QuickSwitcher />
    </div>
  );
}
