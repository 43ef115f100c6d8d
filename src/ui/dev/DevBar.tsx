/** Under `hookscope dev`: which folder the app comes from, what happened last, and Save to folder. */
import { useStore } from '../../state/store.ts';
import { saveToFolder, unsavedPaths, useDev } from './dev-session.ts';
import './dev.css';

export function DevBar() {
  const dev = useDev();
  const app = useStore((s) => s.apps.find((a) => a.id === dev.appId));
  if (!dev.active) return null;
  const unsaved = unsavedPaths(app, dev.disk);
  return (
    <div className="dev-bar" role="status" data-testid="dev-bar">
      <span className="dev-bar-label">
        <strong>hookscope dev</strong> · {dev.root || 'opening the folder…'}
      </span>
      <span className="dev-bar-note" data-testid="dev-note" data-reloads={dev.reloads}>
        {dev.error ? <span className="dev-bar-error">{dev.error}</span> : dev.note}
      </span>
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="dev-save"
        disabled={unsaved.length === 0}
        title={unsaved.length ? `Write ${unsaved.join(', ')} to the folder` : 'Nothing changed in the page'}
        onClick={() => void saveToFolder(useStore)}
      >
        Save to folder{unsaved.length ? ` (${unsaved.length})` : ''}
      </button>
    </div>
  );
}
