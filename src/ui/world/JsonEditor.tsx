/** A JSON textarea that validates as you type and always keeps the text as typed. */
import { Field } from './common.tsx';

export function JsonEditor(props: {
  label: string;
  text: string;
  onText(text: string): void;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  testId: string;
  disabled?: boolean;
}) {
  const hint = props.hint ? { hint: props.hint } : {};
  return (
    <Field label={props.label} error={props.error} wide {...hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="hsw-input hsw-code"
          rows={props.rows ?? 4}
          spellCheck={false}
          value={props.text}
          disabled={props.disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid={props.testId}
          onChange={(e) => props.onText(e.target.value)}
        />
      )}
    </Field>
  );
}
