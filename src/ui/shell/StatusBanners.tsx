/** Problems the user must know about: unreadable saved data, a runtime that is not available. */
import { useStore } from '../../state/store.ts';
import { selectStorageProblem } from '../../state/selectors.ts';

export function StatusBanners() {
  const storage = useStore(selectStorageProblem);
  const runtime = useStore((s) => s.runtime);
  const dismiss = useStore((s) => s.setStorageProblem);
  return (
    <>
      {storage && (
        <div className="banner banner-warn" role="alert" data-testid="storage-problem">
          <span>{storage}</span>
          <button type="button" className="btn btn-ghost" onClick={() => dismiss(null)}>
            Dismiss
          </button>
        </div>
      )}
      {runtime.state === 'unavailable' && runtime.message && (
        <div className="banner banner-danger" role="alert" data-testid="runtime-problem">
          {runtime.message}
        </div>
      )}
    </>
  );
}
