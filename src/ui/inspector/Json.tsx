/** A collapsible JSON view (react-json-view-lite) that also renders primitives. */
import { JsonView, collapseAllNested, darkStyles, defaultStyles } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

/** `levels`: how many levels start open (1: only the top). */
export function Json({ value, theme, levels = 1 }: { value: unknown; theme: 'dark' | 'light'; levels?: number }) {
  if (value === null || typeof value !== 'object') {
    return <code className="hs-json-scalar">{value === undefined ? 'undefined' : JSON.stringify(value)}</code>;
  }
  return (
    <div className="hs-json">
      <JsonView
        data={value as object}
        shouldExpandNode={levels === 1 ? collapseAllNested : (level) => level < levels}
        style={{ ...(theme === 'dark' ? darkStyles : defaultStyles), container: 'hs-json-container' }}
      />
    </div>
  );
}
