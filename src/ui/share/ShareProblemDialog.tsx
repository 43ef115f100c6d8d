/** Why a link or file could not be opened, precisely; the workspace was not touched. */
import { useStore } from '../../state/store.ts';
import { clearShareHash } from './load-workspace.ts';

export function ShareProblemDialog() {
  const problem = useStore((s) => s.shareProblem);
  if (!problem) return null;
  const close = () => {
    clearShareHash();
    useStore.getState().setShareProblem(null);
  };
  return (
    <div className="banner banner-danger share-problem" role="alert" data-testid="share-problem">
      <div>
        <strong data-testid="share-problem-title">{problem.title}</strong>
        <ul className="share-problem-list">
          {problem.problems.slice(0, 12).map((p, i) => (
            <li key={i} className="mono small">
              {p}
            </li>
          ))}
          {problem.problems.length > 12 && <li className="small">…and {problem.problems.length - 12} more</li>}
        </ul>
      </div>
      <button type="button" className="btn btn-small" data-testid="share-problem-close" onClick={close}>
        Close
      </button>
    </div>
  );
}
