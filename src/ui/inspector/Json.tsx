/** A collapsible JSON view (react-json-view-lite) that also renders primitives. */
import { JsonView, collapseAllNested, darkStyles, defaultStyles } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

export function Json({ value, theme }: { value: unknown; theme: 'dark' | 'light' }) {
  if (value === null || typeof value !== 'object') {
    return <code className="hs-json-scalar">{value === undefined ? 'undefined' : JSON.stringify(value)}</code>;
  }
  return (
    <div className="hs-json">
      <JsonView data={value as object} shouldExpandNode={collapseAllNested} style={{ ...(theme === 'dark' ? darkStyles : defaultStyles), container: 'hs-json-container' }} />
    </div>
  );
}
