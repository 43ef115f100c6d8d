/** The examples gallery: each ready workspace with its one-line explanation and "Open". */
import { useEffect, useState } from 'react';
import { EXAMPLES } from '../../examples/index.ts';
import { useStore } from '../../state/store.ts';
import { openExample } from './open-example.ts';
import '../share/share.css';

export function GalleryDialog() {
  const open = useStore((s) => s.galleryOpen);
  return open ? <Gallery /> : null;
}

function Gallery() {
  const close = () => useStore.getState().setGalleryOpen(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="overlay share-overlay" onMouseDown={close}>
      <div
        className="share-dialog gallery"
        role="dialog"
        aria-modal="true"
        aria-label="Examples"
        data-testid="gallery"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="row-between">
          <h2 className="section-title">Examples: the rules of room events, one workspace each</h2>
          <button type="button" className="btn btn-ghost" aria-label="Close examples" onClick={close}>
            ✕
          </button>
        </div>
        <ul className="gallery-list">
          {EXAMPLES.map((ex) => (
            <li key={ex.id} className="gallery-item" data-testid={`example-${ex.id}`}>
              <div className="gallery-text">
                <strong>{ex.title}</strong>
                <p className="small">{ex.explanation}</p>
                <div className="chips">
                  {ex.interfaces.map((i) => (
                    <span key={i} className="tag mono">
                      {i}
                    </span>
                  ))}
                </div>
              </div>
              {confirming === ex.id ? (
                <div className="confirm gallery-confirm" role="group" aria-label="Confirm">
                  <span className="small">Your current workspace will be replaced; export it first if you want to keep it.</span>
                  <button type="button" className="btn btn-primary btn-small" data-testid="example-confirm" onClick={() => void openExample(ex.id)}>
                    Replace
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <button type="button" className="btn" data-testid="example-open" onClick={() => setConfirming(ex.id)}>
                  Open
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
