/**
 * Tells the rest of the page when the first code editor became usable: the app runtime's bundle
 * (the sandbox chunk) is fetched after it, so it does not compete with Monaco on a cold load.
 */
let markLive: () => void = () => undefined;
const live = new Promise<void>((resolve) => (markLive = resolve));

/** Called by the editor once Monaco shows the code (idempotent). */
export function markEditorLive(): void {
  markLive();
}

/**
 * Resolves when an editor is live, or after `fallbackMs` (no editor on screen, or Monaco failed).
 * The fallback timer is cleared when the editor goes live first.
 */
export function editorLiveOr(fallbackMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    void live.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
