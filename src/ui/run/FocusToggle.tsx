/** "Focus run": gives the run area the whole window (App.tsx collapses the editor row), and back: for a demo on a small screen. */
import { useStore } from '../../state/store.ts';

export function FocusToggle() {
  const focused = useStore((s) => s.runFocused);
  const setFocused = useStore((s) => s.setRunFocused);
  return (
    <button
      type="button"
      className="btn btn-small run-focus"
      aria-pressed={focused}
      data-testid="run-focus"
      title={
        focused
          ? 'Show the apps, the editor and the action panel again'
          : 'Give the graph the whole window: hides the apps, the editor and the action panel until you press again'
      }
      onClick={() => setFocused(!focused)}
    >
      {focused ? '⤡ Show editor' : '⤢ Focus run'}
    </button>
  );
}
