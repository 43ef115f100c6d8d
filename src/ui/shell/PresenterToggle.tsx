/** Presenter mode toggle (Alt+Shift+P; `?present` in the URL opens straight into it). */
import { useStore } from '../../state/store.ts';

export function PresenterToggle() {
  const presenter = useStore((s) => s.presenter);
  const setPresenter = useStore((s) => s.setPresenter);
  return (
    <button
      type="button"
      className={`btn ${presenter ? 'btn-primary' : 'btn-ghost'}`}
      aria-pressed={presenter}
      data-testid="presenter-toggle"
      title="Presenter mode: everything larger, less chrome, more contrast, thicker graph edges (Alt+Shift+P; open the page with ?present to start in it)"
      onClick={() => setPresenter(!presenter)}
    >
      {presenter ? 'Presenting' : 'Present'}
    </button>
  );
}
