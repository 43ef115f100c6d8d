/** HTTP mocks in match order (first match wins): add, edit, delete, move up/down. */
import { Fragment, useState } from 'react';
import type { HttpMock } from '../../engine/index.ts';
import { ConfirmButton, SectionHeader, WorldTable, type SectionProps } from './common.tsx';
import { MockEditor } from './MockEditor.tsx';
import { jsonPreview } from './format.ts';
import { deleteMock, moveMock, putMock } from './updates.ts';

function bodySummary(m: HttpMock): string {
  if (m.content !== undefined) return `text: ${jsonPreview(m.content, 40)}`;
  if (m.data !== undefined) return jsonPreview(m.data, 48);
  return '—';
}

export function MocksTable({ world, onChange, readOnly }: SectionProps) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const mocks = world.httpMocks;
  const span = readOnly ? 7 : 8;
  const save = (index: number | null) => (mock: HttpMock) => {
    onChange(putMock(world, index, mock));
    setEditing(null);
  };
  return (
    <div className="hsw-subsection" data-testid="world-http-mocks">
      <SectionHeader
        title="HTTP mocks"
        note={
          <>
            Apps never reach the network. <strong>First match wins</strong>: mocks are tried top to bottom.
          </>
        }
      >
        {!readOnly && (
          <button type="button" className="hsw-btn" data-testid="world-add-mock" disabled={editing === 'new'} onClick={() => setEditing('new')}>
            + Add mock
          </button>
        )}
      </SectionHeader>
      <WorldTable
        isEmpty={mocks.length === 0 && editing !== 'new'}
        empty="No mocks: every http call fails with “No HTTP mock matches …”. Add one with a URL pattern like https://api.example.com/*."
        columns={[['#', 'hsw-num'], 'Method', 'URL pattern', 'Status', 'Body', 'Delay', 'Failure']}
        actions={!readOnly}
        scroll
      >
        {mocks.map((m, i) => (
          <Fragment key={i}>
            <tr data-testid={`world-mock-row-${i}`} className={editing === i ? 'hsw-selected' : undefined}>
              <td className="hsw-num hsw-muted">{i + 1}</td>
              <td className="hsw-mono">{m.method}</td>
              <td className="hsw-mono hsw-break">{m.url}</td>
              <td className="hsw-mono">{m.error !== undefined ? <span className="hsw-muted">—</span> : m.status}</td>
              <td className="hsw-mono hsw-break">
                {bodySummary(m)}
                {m.headers ? <div className="hsw-muted">{Object.keys(m.headers).length} header(s)</div> : null}
              </td>
              <td className="hsw-mono hsw-nowrap">{m.delayMs ? `${m.delayMs} ms` : <span className="hsw-muted">—</span>}</td>
              <td>{m.error !== undefined ? <span className="hsw-fail">throws “{m.error}”</span> : <span className="hsw-muted">—</span>}</td>
              {!readOnly && (
                <td className="hsw-actions">
                  <button
                    type="button"
                    className="hsw-btn hsw-btn--icon"
                    disabled={i === 0}
                    aria-label={`Move mock ${i + 1} up`}
                    data-testid={`world-mock-up-${i}`}
                    onClick={() => onChange(moveMock(world, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="hsw-btn hsw-btn--icon"
                    disabled={i === mocks.length - 1}
                    aria-label={`Move mock ${i + 1} down`}
                    data-testid={`world-mock-down-${i}`}
                    onClick={() => onChange(moveMock(world, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="hsw-btn"
                    aria-label={`Edit mock ${i + 1}`}
                    data-testid={`world-edit-mock-${i}`}
                    onClick={() => setEditing(i)}
                  >
                    Edit
                  </button>
                  <ConfirmButton
                    label="Delete"
                    confirm="Delete mock?"
                    ariaLabel={`Delete mock ${i + 1}`}
                    testId={`world-delete-mock-${i}`}
                    onConfirm={() => {
                      setEditing(null);
                      onChange(deleteMock(world, i));
                    }}
                  />
                </td>
              )}
            </tr>
            {editing === i && (
              <tr className="hsw-editing">
                <td colSpan={span}>
                  <MockEditor mock={m} testId={`world-mock-editor-${i}`} onSave={save(i)} onCancel={() => setEditing(null)} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
        {editing === 'new' && (
          <tr className="hsw-editing">
            <td colSpan={span}>
              <MockEditor testId="world-mock-editor-new" onSave={save(null)} onCancel={() => setEditing(null)} />
            </td>
          </tr>
        )}
      </WorldTable>
    </div>
  );
}
