/**
 * The safe view: a shared (or imported) workspace shown read-only. Nothing of it is loaded into
 * the engine until the user presses Run or Load; Discard leaves the current workspace untouched.
 */
import { useState } from 'react';
import { describeAction } from '../../engine/index.ts';
import type { PendingWorkspace } from '../../share/payload.ts';
import { useStore } from '../../state/store.ts';
import { sortedPaths } from '../../workspace/app-files.ts';
import { clearShareHash, loadIntoWorkspace } from './load-workspace.ts';
import { SharedRuns } from './SharedRuns.tsx';
import './share.css';

export function SafeView() {
  const pending = useStore((s) => s.pending);
  return pending ? <SafeDialog pending={pending} /> : null;
}

function banner(p: PendingWorkspace): string {
  const n = `${p.workspace.apps.length} app${p.workspace.apps.length === 1 ? '' : 's'}`;
  const what = p.origin === 'file' ? `Imported file${p.label ? ` ${p.label}` : ''}` : 'Shared workspace';
  return `${what}: ${n} — code has not run. Review it, then Run / Load into my workspace / Discard.`;
}

function SafeDialog({ pending }: { pending: PendingWorkspace }) {
  const { workspace: ws } = pending;
  const [appId, setAppId] = useState(ws.apps[0]?.id ?? '');
  const app = ws.apps.find((a) => a.id === appId) ?? ws.apps[0];
  const [path, setPath] = useState<string | null>(null);
  const file = app && path !== null && app.files[path] !== undefined ? path : app?.classFile;
  const [busy, setBusy] = useState(false);
  const progress = useStore((s) => s.loadProgress);
  const actions = pending.actions.length ? pending.actions : [ws.drafts.createRoom];
  const go = (run: boolean) => {
    setBusy(true);
    void loadIntoWorkspace(ws, run ? { actions, shared: pending.runs } : { shared: pending.runs }).finally(() => setBusy(false));
  };
  const discard = () => {
    clearShareHash();
    useStore.getState().setLoadProgress(null);
    useStore.getState().setPending(null);
  };
  return (
    <div className="overlay share-overlay">
      <div
        className={`share-dialog safe-view${pending.runs.length ? ' has-runs' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="safe-view-banner"
        data-testid="safe-view"
      >
        <div className="banner banner-warn safe-banner" id="safe-view-banner" data-testid="safe-banner">
          {banner(pending)}
        </div>
        <div className="safe-body">
          <nav className="safe-apps" aria-label="Shared apps">
            <h3 className="section-title">Apps (listener order)</h3>
            <ol>
              {ws.apps.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className={`menu-item${a.id === app?.id ? ' is-active' : ''}`}
                    data-testid={`safe-app-${a.id}`}
                    onClick={() => (setAppId(a.id), setPath(null))}
                  >
                    {a.name} {!a.enabled && <span className="badge badge-muted">disabled</span>}
                  </button>
                  {a.id === app?.id && (
                    <ul className="safe-files">
                      {sortedPaths(a).map((p) => (
                        <li key={p}>
                          <button type="button" className={`link-btn${p === file ? ' is-active' : ''}`} onClick={() => setPath(p)}>
                            {p}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
            <h3 className="section-title">World</h3>
            <p className="small muted" data-testid="safe-world">
              {ws.world.users.length} users, rooms: {ws.world.rooms.map((r) => `#${r.slugifiedName}`).join(', ') || 'none'}; timeout {ws.settings.timeoutMs} ms,
              profile {ws.settings.profile}
            </p>
          </nav>
          <section className="safe-code" aria-label="Code (read-only)">
            <div className="small muted mono">{app ? `${app.name} / ${file}` : 'No apps'}</div>
            <pre data-testid="safe-code">{app && file ? app.files[file] : ''}</pre>
          </section>
        </div>
        <SharedRuns runs={pending.runs} />
        {progress && (
          <p className={`safe-progress small${progress.error ? ' is-error' : ''}`} role="status" aria-live="polite" data-testid="safe-progress">
            {progress.error ? `Could not load: ${progress.error}. ${progress.text}` : progress.text}
          </p>
        )}
        <div className="safe-actions">
          <span className="small muted" data-testid="safe-run-plan">
            Run loads it and runs{pending.runs.length ? ', from the world the sender started from' : ''}: {actions.map(describeAction).join('; ')}
            {pending.runs.length ? '. Load shows the shared runs in your history without running anything.' : ''}
          </span>
          <button type="button" className="btn btn-primary" data-testid="safe-run" disabled={busy} onClick={() => go(true)}>
            ▶ Run
          </button>
          <button type="button" className="btn" data-testid="safe-load" disabled={busy} onClick={() => go(false)}>
            Load into my workspace
          </button>
          <button type="button" className="btn btn-ghost" data-testid="safe-discard" disabled={busy && !progress?.error} onClick={discard}>
            Discard
          </button>
        </div>
        <p className="small muted">Loading replaces your current workspace (it is autosaved: export it first if you want to keep it).</p>
      </div>
    </div>
  );
}
