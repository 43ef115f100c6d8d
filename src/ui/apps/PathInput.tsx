/** An inline text input that commits on Enter/blur (if valid) and cancels on Escape. */
import { useState } from 'react';

export function PathInput({
  initial,
  label,
  validate,
  onDone,
}: {
  initial: string;
  label: string;
  validate(v: string): string | null;
  onDone(v: string | null): void;
}) {
  const [value, setValue] = useState(initial);
  const problem = validate(value);
  const commit = () => onDone(problem ? null : value.trim());
  return (
    <div className="path-input">
      <input
        className={`input mono ${problem ? 'is-invalid' : ''}`}
        aria-label={label}
        aria-invalid={problem !== null}
        data-testid="path-input"
        value={value}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') onDone(null);
        }}
      />
      {problem && <span className="field-hint is-error">{problem}</span>}
    </div>
  );
}
