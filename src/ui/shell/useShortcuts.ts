/**
 * Global shortcuts: Ctrl/Cmd+Enter runs the last run again (from its starting world; see actions/rerun.ts), Ctrl/Cmd+P opens the app
 * switcher, Alt+1..9 selects an app, Ctrl/Cmd+E focuses the editor, Esc stops a run in progress
 * (only once Stop is shown, and never when Esc closes something: a dialog, a menu, a widget).
 */
import { useEffect } from 'react';
import { useStore } from '../../state/store.ts';
import { runLast } from '../actions/rerun.ts';
import { escWouldStop, stopRun } from '../actions/run-control.ts';

function escStops(e: KeyboardEvent): boolean {
  if (e.key !== 'Escape' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return false;
  if (!escWouldStop(useStore.getState(), Date.now())) return false;
  return document.querySelector('[aria-modal="true"], [role="menu"], [role="dialog"], .monaco-editor .suggest-widget.visible') === null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useStore.getState();
      if (escStops(e)) {
        e.preventDefault();
        stopRun();
      } else if (e.altKey && e.shiftKey && !mod && e.code === 'KeyP') {
        e.preventDefault();
        s.setPresenter(!s.presenter);
      } else if (mod && e.key === 'Enter') {
        // The editor handles its own Ctrl/Cmd+Enter (a Monaco action): not twice.
        if (e.defaultPrevented) return;
        e.preventDefault();
        runLast();
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        s.setQuickSwitcher(true);
      } else if (mod && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        s.requestEditorFocus();
      } else if (e.altKey && !mod && /^Digit[1-9]$/.test(e.code)) {
        const app = s.apps[Number(e.code.slice(5)) - 1];
        if (app) {
          e.preventDefault();
          s.selectApp(app.id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
