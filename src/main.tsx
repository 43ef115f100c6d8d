import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreWorkspace, startAutosave } from './state/autosave.ts';
import { startBrowserController } from './state/browser-controller.ts';
import { useStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { startDevSession } from './ui/dev/dev-session.ts';

const container = document.getElementById('root');
if (!container) {
  throw new Error('hookscope: #root element missing from index.html');
}

function start(root: HTMLElement): void {
  const autosave = startAutosave(useStore, localStorage);
  window.addEventListener('pagehide', () => autosave.flush());
  void startBrowserController(useStore);
  // Under `hookscope dev`: open the served app folder and follow its changes on disk.
  void startDevSession(useStore);

  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="the workbench">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

// Before anything reads the store: the controller and the first render see the saved workspace.
// With nothing saved this answers at once; otherwise it loads the reader (zod) first. Not a
// top-level await: the reader's chunk imports modules of this one, which must not be waiting.
void restoreWorkspace(useStore, localStorage).then(() => start(container));
