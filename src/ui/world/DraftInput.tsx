/**
 * A text control that keeps what the user types and commits on blur or Enter (Escape reverts).
 * `parse` validates: an invalid text stays in the box with its message, nothing is committed.
 */
import { useEffect, useState } from 'react';
import { ErrorText } from './common.tsx';
import type { Parsed } from './validation.ts';

export function DraftInput(props: {
  value: string;
  parse(text: string): Parsed<unknown>;
  onCommit(value: unknown): void;
  label: string;
  testId: string;
  type?: 'text' | 'number' | 'password';
  multiline?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(props.value);
    setError(null);
  }, [props.value]);
  const commit = () => {
    if (text === props.value) return setError(null);
    const parsed = props.parse(text);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    props.onCommit(parsed.value);
  };
  const common = {
    className: `hsw-input ${props.className ?? ''}`,
    'aria-label': props.label,
    'aria-invalid': Boolean(error),
    'data-testid': props.testId,
    value: text,
    disabled: props.disabled,
    onBlur: commit,
  };
  return (
    <span className="hsw-draft">
      {props.multiline ? (
        <textarea
          {...common}
          rows={3}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setText(props.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(props.value);
              setError(null);
            }
          }}
        />
      )}
      {error && <ErrorText testId={`${props.testId}-error`}>{error}</ErrorText>}
    </span>
  );
}
