/** Small building blocks shared by the World panel's sections. */
import { useId, useState, type ReactNode } from 'react';
import type { WorldState } from '../../engine/index.ts';

export interface SectionProps {
  world: WorldState;
  onChange(next: WorldState): void;
  appNames: Record<string, string>;
  readOnly: boolean;
}

/** A labelled control with its validation message (linked by aria-describedby). */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  wide?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`hsw-field${props.wide ? ' hsw-field--wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
      {props.hint && (
        <span id={hintId} className="hsw-hint">
          {props.hint}
        </span>
      )}
      {props.error && <ErrorText id={errId}>{props.error}</ErrorText>}
    </div>
  );
}

export function ErrorText(props: { id?: string; children: ReactNode; testId?: string }) {
  return (
    <span id={props.id} className="hsw-error" role="alert" data-testid={props.testId}>
      {props.children}
    </span>
  );
}

export function Chips(props: { items: readonly string[]; empty?: string }) {
  if (!props.items.length) return <span className="hsw-muted">{props.empty ?? '—'}</span>;
  return (
    <span className="hsw-chips">
      {props.items.map((item) => (
        <span key={item} className="hsw-chip">
          {item}
        </span>
      ))}
    </span>
  );
}

/** A destructive button that asks again inline ("Delete?" → Yes / No) instead of a modal. */
export function ConfirmButton(props: {
  label: string;
  confirm: string;
  onConfirm(): void;
  testId: string;
  disabled?: boolean;
  danger?: boolean;
  ariaLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={`hsw-btn${props.danger === false ? '' : ' hsw-btn--danger'}`}
        data-testid={props.testId}
        disabled={props.disabled}
        aria-label={props.ariaLabel}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="hsw-confirm" role="group" aria-label={props.confirm}>
      <span className="hsw-confirm-text">{props.confirm}</span>
      <button
        type="button"
        className="hsw-btn hsw-btn--danger"
        data-testid={`${props.testId}-yes`}
        autoFocus
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        Yes
      </button>
      <button type="button" className="hsw-btn" data-testid={`${props.testId}-no`} onClick={() => setAsking(false)}>
        No
      </button>
    </span>
  );
}

export function Empty(props: { children: ReactNode }) {
  return <p className="hsw-empty">{props.children}</p>;
}

/**
 * A section's table, or its `empty` text while there is nothing to list: column headers (a
 * `[label, className]` pair for a header with a class), an Actions column for screen readers when
 * the rows have buttons (`actions`), in a horizontal scroller (`scroll`) for wide tables.
 */
export function WorldTable(props: {
  isEmpty: boolean;
  empty: ReactNode;
  columns: (string | [string, string])[];
  actions?: boolean;
  scroll?: boolean;
  children: ReactNode;
}) {
  if (props.isEmpty) return <Empty>{props.empty}</Empty>;
  const table = (
    <table className="hsw-table">
      <thead>
        <tr>
          {props.columns.map((c) => {
            const [label, className] = typeof c === 'string' ? [c, undefined] : c;
            return (
              <th key={label} scope="col" className={className}>
                {label}
              </th>
            );
          })}
          {props.actions && (
            <th scope="col" className="hsw-actions-col">
              <span className="hsw-sr">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  return props.scroll ? <div className="hsw-scroll-x">{table}</div> : table;
}

export function SectionHeader(props: { title: string; note?: ReactNode; children?: ReactNode }) {
  return (
    <div className="hsw-section-head">
      <h3>{props.title}</h3>
      {props.note && <span className="hsw-muted">{props.note}</span>}
      <span className="hsw-spacer" />
      {props.children}
    </div>
  );
}

/** A World form's Save / Cancel row; `fixFields` adds the "fix the fields marked above" alert. */
export function FormActions(props: { saveLabel: string; testId: string; onCancel: () => void; fixFields?: boolean }) {
  return (
    <div className="hsw-form-actions">
      <button type="submit" className="hsw-btn hsw-btn--primary" data-testid={`${props.testId}-save`}>
        {props.saveLabel}
      </button>
      <button type="button" className="hsw-btn" data-testid={`${props.testId}-cancel`} onClick={props.onCancel}>
        Cancel
      </button>
      {props.fixFields && (
        <span className="hsw-error" role="alert">
          Fix the fields marked above.
        </span>
      )}
    </div>
  );
}
