/**
 * Opening a real app project from disk: "Open folder…" (a directory picker) and dropping a
 * folder or its files onto the Apps panel. Both end in the ImportDialog.
 */
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportPlan } from '../../workspace/import-project.ts';
import { useStore } from '../../state/store.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { carriesFiles, planFromDrop, planFromFileList } from './read-project.ts';

function failed(err: unknown): ImportPlan {
  return { ok: false, root: '', error: `the files could not be read: ${err instanceof Error ? err.message : String(err)}`, skipped: 0 };
}

/** The Apps panel body with a drop zone and the folder button's dialog. */
export function ProjectDropZone({ children, className }: { children: ReactNode; className: string }) {
  const plan = useStore((s) => s.pendingImport);
  const setPlan = useStore((s) => s.setPendingImport);
  const [over, setOver] = useState(0);
  const close = () => setPlan(null);
  const onDrop = (e: DragEvent) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    setOver(0);
    planFromDrop(e.dataTransfer, useStore.getState().apps).then(setPlan, (err: unknown) => setPlan(failed(err)));
  };
  return (
    <aside
      className={className}
      aria-label="Apps"
      data-testid="apps-panel"
      onDragEnter={(e) => carriesFiles(e.dataTransfer) && setOver((n) => n + 1)}
      onDragLeave={(e) => carriesFiles(e.dataTransfer) && setOver((n) => Math.max(0, n - 1))}
      onDragOver={(e) => {
        if (carriesFiles(e.dataTransfer)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      {children}
      {over > 0 && (
        <div className="drop-zone" data-testid="drop-zone">
          Drop an app folder (or its app.json and source files), or the .zip rc-apps package makes, to open it
        </div>
      )}
      {plan && <ImportDialog plan={plan} onClose={close} />}
    </aside>
  );
}

/** Shows the plan for what the user picked (a folder's files, or one .zip). */
function pick(target: HTMLInputElement): void {
  const list = target.files;
  if (!list || list.length === 0) return;
  const s = useStore.getState();
  planFromFileList(list, s.apps)
    .then(
      (p) => s.setPendingImport(p),
      (err: unknown) => s.setPendingImport(failed(err)),
    )
    .finally(() => {
      target.value = '';
    });
}

const ZIP_INPUT_ID = 'open-zip-input';

/** Opens the file picker for a package (the "+ New app" menu's "From a package (.zip)…"). */
export function pickZip(): void {
  document.getElementById(ZIP_INPUT_ID)?.click();
}

/** The hidden input behind {@link pickZip}: the .zip `rc-apps package` writes (dist/<name>_<version>.zip). */
export function OpenZipInput() {
  return <input id={ZIP_INPUT_ID} type="file" accept=".zip,application/zip" hidden data-testid="open-zip-input" onChange={(e) => pick(e.currentTarget)} />;
}

/** "Open folder…": a hidden directory input behind a button. */
export function OpenFolderButton() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.setAttribute('webkitdirectory', '');
  }, []);
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-ghost push-right"
        data-testid="open-folder"
        title="Open a Rocket.Chat app project from disk (or drop its folder here)"
        onClick={() => input.current?.click()}
      >
        Open folder…
      </button>
      <input ref={input} type="file" multiple hidden data-testid="open-folder-input" onChange={(e) => pick(e.currentTarget)} />
    </>
  );
}
