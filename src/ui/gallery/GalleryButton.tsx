/** Opens the examples gallery. */
import { useStore } from '../../state/store.ts';

export function GalleryButton() {
  return (
    <button type="button" className="btn btn-ghost" data-testid="gallery-button" onClick={() => useStore.getState().setGalleryOpen(true)}>
      Examples
    </button>
  );
}
