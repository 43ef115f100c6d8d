/** The HTTP mock form: method, URL glob, status, body (JSON data or text content), headers, delay, failure. */
import { useId, useState } from 'react';
import type { HttpMock } from '../../engine/index.ts';
import { checkMockDraft, emptyMockDraft, mockToDraft, type BodyKind, type MockDraft } from './drafts.ts';
import { Field, FormActions } from './common.tsx';
import { JsonEditor } from './JsonEditor.tsx';

const METHODS = ['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function MockEditor(props: { mock?: HttpMock; onSave(mock: HttpMock): void; onCancel(): void; testId: string }) {
  const [draft, setDraft] = useState<MockDraft>(() => (props.mock ? mockToDraft(props.mock) : emptyMockDraft()));
  const [tried, setTried] = useState(false);
  const radioName = useId();
  const checked = checkMockDraft(draft);
  const all = checked.ok ? {} : checked.errors;
  const errors: Partial<Record<string, string | undefined>> = tried ? all : { body: all.body, headers: all.headers };
  const set = (patch: Partial<MockDraft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="hsw-form hsw-form--mock"
      data-testid={props.testId}
      aria-label={props.mock ? 'Edit HTTP mock' : 'New HTTP mock'}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (checked.ok) props.onSave(checked.value);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <Field label="Method">
        {({ id }) => (
          <select id={id} className="hsw-input" value={draft.method} data-testid="world-mock-method" onChange={(e) => set({ method: e.target.value })}>
            {(METHODS.includes(draft.method) ? METHODS : [draft.method, ...METHODS]).map((m) => (
              <option key={m} value={m}>
                {m === '*' ? '* (any)' : m}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="URL pattern" error={errors.url} hint="* matches anything, e.g. https://api.example.com/*">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="hsw-input hsw-mono"
            autoFocus
            value={draft.url}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-mock-url"
            onChange={(e) => set({ url: e.target.value })}
          />
        )}
      </Field>
      <Field label="Status" error={errors.status}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="hsw-input hsw-num"
            inputMode="numeric"
            value={draft.status}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-mock-status"
            onChange={(e) => set({ status: e.target.value })}
          />
        )}
      </Field>
      <Field label="Delay (ms)" error={errors.delayMs}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="hsw-input hsw-num"
            inputMode="numeric"
            placeholder="0"
            value={draft.delayMs}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-mock-delay"
            onChange={(e) => set({ delayMs: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="hsw-field hsw-field--wide hsw-checks" data-testid="world-mock-body-kind">
        <legend>Response body</legend>
        {(['json', 'text', 'none'] as BodyKind[]).map((k) => (
          <label key={k}>
            <input type="radio" name={radioName} value={k} checked={draft.bodyKind === k} onChange={() => set({ bodyKind: k })} />{' '}
            {k === 'json' ? 'JSON data' : k === 'text' ? 'Text content' : 'No body'}
          </label>
        ))}
      </fieldset>
      {draft.bodyKind === 'json' && (
        <JsonEditor
          label="Body (JSON data)"
          text={draft.body}
          onText={(body) => set({ body })}
          error={errors.body}
          rows={5}
          testId="world-mock-body"
          hint="sent as content with content-type application/json unless a header says otherwise"
        />
      )}
      {draft.bodyKind === 'text' && (
        <Field label="Body (text content)" wide>
          {({ id }) => (
            <textarea
              id={id}
              className="hsw-input hsw-code"
              rows={5}
              spellCheck={false}
              value={draft.body}
              data-testid="world-mock-body"
              onChange={(e) => set({ body: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field label="Headers" error={errors.headers} hint="one per line: Name: value" wide>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="hsw-input hsw-code"
            rows={2}
            spellCheck={false}
            value={draft.headers}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-mock-headers"
            onChange={(e) => set({ headers: e.target.value })}
          />
        )}
      </Field>
      <div className="hsw-field hsw-field--wide hsw-checks">
        <label>
          <input type="checkbox" checked={draft.fails} data-testid="world-mock-fails" onChange={(e) => set({ fails: e.target.checked })} /> Simulate a network
          failure (the call throws instead of answering)
        </label>
      </div>
      {draft.fails && (
        <Field label="Error message" error={errors.error} wide>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="hsw-input hsw-mono"
              placeholder="e.g. connect ECONNREFUSED"
              value={draft.error}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              data-testid="world-mock-error"
              onChange={(e) => set({ error: e.target.value })}
            />
          )}
        </Field>
      )}
      <FormActions saveLabel={props.mock ? 'Save mock' : 'Add mock'} testId="world-mock" onCancel={props.onCancel} fixFields={tried && !checked.ok} />
    </form>
  );
}
