/**
 * Sharing and examples, mounted once: the Share menu and Examples button, the example guide,
 * and the dialogs (safe view, gallery, problems). Opens `#share=` links (on load and when the
 * fragment changes) and scenario files dropped on the page, always into the safe view.
 */
import { useEffect } from 'react';
import { trackWorldBeforeRuns } from '../../share/run-worlds.ts';
import { useStore } from '../../state/store.ts';
import { ExampleGuide } from '../gallery/ExampleGuide.tsx';
import { GalleryButton } from '../gallery/GalleryButton.tsx';
import { GalleryDialog } from '../gallery/GalleryDialog.tsx';
import { importFile, openShareHash } from './open-shared.ts';
import { SafeView } from './SafeView.tsx';
import { ShareMenu } from './ShareMenu.tsx';
import { ShareProblemDialog } from './ShareProblemDialog.tsx';
import { ReproductionBanner } from './ReproductionBanner.tsx';
import './share.css';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** `withButtons={false}` when the top bar renders `<GalleryButton />` and `<ShareMenu />` itself. */
export function ShareBar({ withButtons = true }: { withButtons?: boolean }) {
  useEffect(() => trackWorldBeforeRuns(useStore), []);
  useEffect(() => {
    const open = () => void openShareHash(location.hash);
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.defaultPrevented && hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      {withButtons && (
        <div className="share-bar" data-testid="share-bar">
          <GalleryButton />
          <ShareMenu />
        </div>
      )}
      <ShareProblemDialog />
      <ReproductionBanner />
      <ExampleGuide />
      <SafeView />
      <GalleryDialog />
    </>
  );
}
