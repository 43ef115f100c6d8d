/** Each app's persistence records: associations and data; add, edit data, delete. */
import { Fragment, useState } from 'react';
import { ownValue, type PersistenceRecord } from '../../engine/index.ts';
import { Chips, ConfirmButton, Empty, ErrorText, SectionHeader, type SectionProps } from './common.tsx';
import { JsonView } from './JsonView.tsx';
import { RecordForm } from './RecordForm.tsx';
import { appIds, appLabel } from './format.ts';
import { addRecord, deleteRecord, putRecord } from './updates.ts';

export function PersistenceSection({ world, onChange, appNames, readOnly }: SectionProps) {
  const ids = appIds(appNames, world.persistence);
  return (
    <section className="hsw-section" data-testid="world-persistence" aria-label="Persistence">
      <SectionHeader title="Persistence" note="records each app stored with read/persistence accessors" />
      {ids.length === 0 && <Empty>No apps yet. Each app's records appear here once it has any.</Empty>}
      {ids.map((appId) => (
        <AppRecords
          key={appId}
          appId={appId}
          name={appLabel(appNames, appId)}
          records={ownValue(world.persistence, appId) ?? []}
          readOnly={readOnly}
          onAdd={(r) => {
            const out = addRecord(world, appId, r);
            if (out.ok) onChange(out.world);
            return out.ok ? null : out.error;
          }}
          onPut={(r) => onChange(putRecord(world, appId, r))}
          onDelete={(id) => onChange(deleteRecord(world, appId, id))}
        />
      ))}
    </section>
  );
}

function AppRecords(props: {
  appId: string;
  name: string;
  records: PersistenceRecord[];
  readOnly: boolean;
  onAdd(r: PersistenceRecord): string | null;
  onPut(r: PersistenceRecord): void;
  onDelete(id: string): void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { records, readOnly } = props;
  return (
    <details className="hsw-group" open data-testid={`world-persistence-app-${props.appId}`}>
      <summary>
        <span className="hsw-group-title">{props.name}</span>{' '}
        <span className="hsw-muted">
          {props.name !== props.appId ? `${props.appId} · ` : ''}
          {records.length} record{records.length === 1 ? '' : 's'}
        </span>
      </summary>
      {error && <ErrorText>{error}</ErrorText>}
      {records.length > 0 && (
        <table className="hsw-table">
          <thead>
            <tr>
              <th scope="col" className="hsw-col-id">
                Id
              </th>
              <th scope="col" className="hsw-col-assoc">
                Associations
              </th>
              <th scope="col">Data</th>
              {!readOnly && (
                <th scope="col" className="hsw-actions-col">
                  <span className="hsw-sr">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <Fragment key={r.id}>
                <tr data-testid={`world-record-row-${r.id}`}>
                  <td className="hsw-mono">{r.id}</td>
                  <td>
                    <Chips items={r.associations.map((a) => `${a.model}:${a.id}`)} empty="none" />
                  </td>
                  <td className="hsw-data-cell">
                    <JsonView value={r.data} />
                  </td>
                  {!readOnly && (
                    <td className="hsw-actions">
                      <button
                        type="button"
                        className="hsw-btn"
                        data-testid={`world-edit-record-${r.id}`}
                        aria-label={`Edit record ${r.id}`}
                        onClick={() => setEditing(r.id)}
                      >
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirm="Delete record?"
                        ariaLabel={`Delete record ${r.id}`}
                        testId={`world-delete-record-${r.id}`}
                        onConfirm={() => props.onDelete(r.id)}
                      />
                    </td>
                  )}
                </tr>
                {editing === r.id && (
                  <tr className="hsw-editing">
                    <td colSpan={4}>
                      <RecordForm
                        record={r}
                        taken={[]}
                        testId={`world-record-editor-${r.id}`}
                        onCancel={() => setEditing(null)}
                        onSave={(next) => {
                          props.onPut(next);
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {records.length === 0 && editing !== 'new' && <Empty>No records.</Empty>}
      {!readOnly &&
        (editing === 'new' ? (
          <RecordForm
            taken={records.map((r) => r.id)}
            testId={`world-record-editor-new-${props.appId}`}
            onCancel={() => setEditing(null)}
            onSave={(r) => {
              const err = props.onAdd(r);
              setError(err);
              if (!err) setEditing(null);
            }}
          />
        ) : (
          <button type="button" className="hsw-btn hsw-add-below" data-testid={`world-add-record-${props.appId}`} onClick={() => setEditing('new')}>
            + Add record
          </button>
        ))}
    </details>
  );
}
