/** Product name, runtime settings, Stop while a run is in progress, runtime problems, theme toggle. */
import { useStore } from '../../state/store.ts';
import { selectTheme } from '../../state/selectors.ts';
import { StopButton } from '../actions/StopButton.tsx';
import { RuntimeProblems } from './RuntimeProblems.tsx';
import { RuntimeSettings } from './RuntimeSettings.tsx';
import { PresenterToggle } from './PresenterToggle.tsx';
import './shell.css';

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function TopBar() {
  const theme = useStore(selectTheme);
  const setTheme = useStore((s) => s.setTheme);
  const openSwitcher = useStore((s) => s.setQuickSwitcher);
  return (
    <header className="topbar" role="banner">
      <div className="topbar-brand">
        <span className="topbar-logo" aria-hidden="true">
          ◎
        </span>
        <h1 className="topbar-title" data-testid="app-title">
          hookscope
        </h1>
        <span className="topbar-sub">Apps-Engine room events</span>
      </div>
      <RuntimeSettings />
      <div className="topbar-end">
        <StopButton testId="topbar-stop" compact />
        <RuntimeProblems />
        <button type="button" className="btn btn-ghost topbar-goto" onClick={() => openSwitcher(true)} title={`Switch app (${MOD}+P, Alt+1…9)`}>
          <span className="topbar-goto-text">Go to app… </span>
          <kbd>{MOD}+P</kbd>
        </button>
        <PresenterToggle />
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="theme-toggle"
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
      </div>
    </header>
  );
}
