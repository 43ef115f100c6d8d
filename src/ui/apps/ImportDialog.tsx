/**
 * What opening a project folder will do: the app it found, its files, and what would stop it
 * from loading (file, line, module), or why it cannot be opened at all. An id clash offers
 * "replace" or "import as a copy".
 */
import { useEffect, useRef } from 'react';
import { sortedPaths } from '../../state/app-files.ts';
import { asCopy, type ImportPlan } from '../../state/import-project.ts';
import { useStore } from '../../state/store.ts';
import type { WorkspaceApp } from '../../state/types.ts';
import './import.css';

function commit(app: WorkspaceApp, replace: string | null): void {
  const s = useStore.getState();
  if (replace) s.replaceApp(replace, app);
  else s.addApp(app);
  s.openFileOf(app.id, app.classFile);
}

export function ImportDialog({ plan, onClose }: { plan: ImportPlan; onClose(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const done = (app: WorkspaceApp, replace: string | null = null) => {
    commit(app, replace);
    onClose();
  };
  const from = plan.root ? <span className="mono">{plan.root}/</span> : 'the dropped files';
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className="dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        {!plan.ok ? (
          <>
            <h2 id="import-title" className="dialog-title">Cannot open {from}</h2>
            <p className="import-error" role="alert" data-testid="import-error">{plan.error}</p>
            <div className="dialog-actions">
              <button ref={first} type="button" className="btn" onClick={onClose}>Close</button>
            </div>
          </>
        ) : (
          <>
            <h2 id="import-title" className="dialog-title">
              Open <strong>{plan.app.name}</strong> <span className="muted mono small">{plan.app.id} {plan.app.version ?? ''}</span>
            </h2>
            <p className="small muted">
              From {from}: {Object.keys(plan.app.files).length} files, main class <span className="mono">{plan.app.classFile}</span>
              {plan.skipped > 0 && `; ${plan.skipped} other files not read (node_modules, dist, .git, non-source)`}.
              {plan.generatedManifest && ' The folder had no app.json: hookscope wrote one.'}
            </p>
            <ul className="import-files mono small" data-testid="import-files">
              {sortedPaths(plan.app).map((p) => <li key={p}>{p}</li>)}
            </ul>
            {plan.problems.length > 0 && (
              <div className="import-problems" role="alert" data-testid="import-problems">
                <p>This app will not load as it is:</p>
                <ul>
                  {plan.problems.map((p) => (
                    <li key={`${p.file}:${p.line}:${p.module}`}>
                      <span className="mono">{p.file}:{p.line}</span> {p.message}
                    </li>
                  ))}
                </ul>
                <p className="small">You can import it anyway and fix the code in the editor.</p>
              </div>
            )}
            {plan.clash && (
              <p className="import-clash" data-testid="import-clash">
                An app with the id <span className="mono">{plan.clash.id}</span> is already open: <strong>{plan.clash.name}</strong>.
              </p>
            )}
            <div className="dialog-actions">
              {plan.clash ? (
                <>
                  <button ref={first} type="button" className="btn btn-primary" data-testid="import-replace" onClick={() => done(plan.app, plan.clash!.id)}>
                    Replace {plan.clash.name}
                  </button>
                  <button type="button" className="btn" data-testid="import-copy" onClick={() => done(asCopy(plan.app, useStore.getState().apps.map((a) => a.id)))}>
                    Import as a copy
                  </button>
                </>
              ) : (
                <button ref={first} type="button" className="btn btn-primary" data-testid="import-confirm" onClick={() => done(plan.app)}>
                  {plan.problems.length > 0 ? 'Import anyway' : 'Import'}
                </button>
              )}
              <button type="button" className="btn" onClick={onClose}>Cancel</button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
