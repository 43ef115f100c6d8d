import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreWorkspace, startAutosave } from './state/autosave.ts';
import { startBrowserControllerAfter } from './state/browser-controller.ts';
import { useStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { startDevSession } from './ui/dev/dev-session.ts';
import { editorLiveOr } from './ui/editor/editor-live.ts';

const container = document.getElementById('root');
if (!container) {
  throw new Error('hookscope: #root element missing from index.html');
}

/** Without a live editor (none on screen, or Monaco failed), the runtime starts after this long. */
const RUNTIME_FALLBACK_MS = 4_000;

function start(root: HTMLElement): void {
  const autosave = startAutosave(useStore, localStorage);
  window.addEventListener('pagehide', () => autosave.flush());
  // The runtime's bundle after the editor (Monaco's chunks first on a cold load); a run asked
  // for before then starts it at once.
  startBrowserControllerAfter(useStore, editorLiveOr(RUNTIME_FALLBACK_MS));
  // Under `hookscope dev`: open the served app folder and follow its changes on disk.
  void startDevSession(useStore);

  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary id="workbench" area="the workbench">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

// Before anything reads the store: the controller and the first render see the saved workspace.
// With nothing saved this answers at once; otherwise it loads the reader (zod) first. Not a
// top-level await: the reader's chunk imports modules of this one, which must not be waiting.
void restoreWorkspace(useStore, localStorage).then(() => start(container));
