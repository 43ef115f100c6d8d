/** Collapsible JSON: a one-line preview that opens to the pretty-printed value. */
import { jsonPreview } from './format.ts';

export function JsonView(props: { value: unknown; testId?: string; open?: boolean }) {
  let pretty: string;
  try {
    pretty = JSON.stringify(props.value, null, 2) ?? 'undefined';
  } catch {
    pretty = String(props.value);
  }
  const compact = jsonPreview(props.value, 1000);
  if (compact.length <= 60)
    return (
      <code className="hsw-code hsw-json-inline" data-testid={props.testId}>
        {compact}
      </code>
    );
  return (
    <details className="hsw-json" data-testid={props.testId} open={props.open}>
      <summary>
        <code className="hsw-code">{jsonPreview(props.value, 70)}</code>
      </summary>
      <pre className="hsw-code">{pretty}</pre>
    </details>
  );
}
