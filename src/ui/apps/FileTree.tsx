/** The selected app's files: open, add, rename, delete (the class file cannot be deleted). */
import { useState } from 'react';
import { filePathProblem, sortedPaths } from '../../workspace/app-files.ts';
import { useStore } from '../../state/store.ts';
import { selectOpenPath } from '../../state/selectors.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';
import { PathInput } from './PathInput.tsx';

export function FileTree({ app }: { app: WorkspaceApp }) {
  const open = useStore(selectOpenPath);
  const { openFileOf, addFile, renameFile, deleteFile } = useStore.getState();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  return (
    <section className="file-tree" aria-label={`Files of ${app.name}`}>
      <div className="section-header">
        <h3 className="section-title">Files</h3>
        <button type="button" className="btn btn-ghost btn-small push-right" data-testid="add-file" onClick={() => setAdding(true)}>
          + File
        </button>
      </div>
      <ul className="files" data-testid="file-tree">
        {sortedPaths(app).map((path) =>
          renaming === path ? (
            <li key={path}>
              <PathInput
                initial={path}
                label="New name"
                validate={(p) => filePathProblem(app, p, path)}
                onDone={(p) => {
                  if (p) renameFile(app.id, path, p);
                  if (p) openFileOf(app.id, p);
                  setRenaming(null);
                }}
              />
            </li>
          ) : (
            <li key={path} className={`file ${open === path ? 'is-open' : ''}`}>
              <button
                type="button"
                className="file-name"
                data-testid={`file-${path}`}
                aria-current={open === path ? 'true' : undefined}
                onClick={() => openFileOf(app.id, path)}
                onDoubleClick={() => setRenaming(path)}
              >
                <span className="file-icon" aria-hidden="true">
                  {path.endsWith('.json') ? '{}' : 'TS'}
                </span>
                <span className="mono">{path}</span>
              </button>
              <span className="row-tools">
                <button type="button" className="icon-btn" aria-label={`Rename ${path}`} onClick={() => setRenaming(path)}>
                  ✎
                </button>
                {path !== app.classFile && (
                  <button type="button" className="icon-btn" aria-label={`Delete ${path}`} onClick={() => setDeleting(path)}>
                    ✕
                  </button>
                )}
              </span>
              {deleting === path && (
                <div className="confirm" role="alertdialog" aria-label={`Delete ${path}?`}>
                  <span>Delete {path}?</span>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    autoFocus
                    onClick={() => {
                      deleteFile(app.id, path);
                      setDeleting(null);
                    }}
                  >
                    Delete
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setDeleting(null)}>
                    Cancel
                  </button>
                </div>
              )}
            </li>
          ),
        )}
        {adding && (
          <li>
            <PathInput
              initial="lib/helpers.ts"
              label="New file path"
              validate={(p) => filePathProblem(app, p)}
              onDone={(p) => {
                if (p) {
                  addFile(app.id, p, p.endsWith('.ts') ? 'export {};\n' : '');
                  openFileOf(app.id, p);
                }
                setAdding(false);
              }}
            />
          </li>
        )}
      </ul>
    </section>
  );
}
