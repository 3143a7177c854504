import { useState } from 'react';
import type { RegistryHistoryEntry, RegistryRecordDetail } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { formatDateTime } from '../../lib/format';
import { DeleteRecordDialog } from './delete-record-dialog';
import { RecordDriftBadge } from './drift-badge';
import { RecordEditDialog } from './record-edit-dialog';
import { RecordMappings } from './record-mappings';
import { RecordQuickEdit } from './record-quick-edit';
import { useRegistryActions } from './registry-actions';
import { displayName, osText, scopeText, tagsToText } from './model/registry-format';
import { useRegistryRecord } from './registry-queries';
import { LabelDot } from './registry-row';
import { LaunchButton } from '../launch/launch-button';
import { recordLaunchRefusal } from '../launch/model/place-choices';

interface RecordPanelProps {
  recordId: string;
  onClose: () => void;
}

type PanelDialog = 'edit' | 'delete' | null;

/** One record: its fields, quick label and access changes, its mappings and its history. */
export function RecordPanel({ recordId, onClose }: RecordPanelProps) {
  const detail = useRegistryRecord(recordId);
  const actions = useRegistryActions();
  const [dialog, setDialog] = useState<PanelDialog>(null);
  const record = detail.data;

  return (
    <aside className="details record-panel" role="region" aria-label="Record details">
      <div className="details-head">
        <h2 className="details-title">
          {record && <LabelDot color={record.labelColor} />} {record ? displayName(record) : 'Record'}
        </h2>
        {record && (
          <>
            <button type="button" onClick={() => setDialog('edit')}>
              Edit
            </button>
            {actions && (
              <button
                type="button"
                onClick={() =>
                  actions.register(undefined, { recordId: record.id, name: displayName(record) })
                }
              >
                Add a location…
              </button>
            )}
            <LaunchButton
              source={{ kind: 'record', recordId: record.id }}
              disabledReason={recordLaunchRefusal(record)}
            />
            <button type="button" className="button-quiet" onClick={() => setDialog('delete')}>
              Delete record
            </button>
          </>
        )}
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={onClose}>
          Close details
        </button>
      </div>
      {detail.isPending && <p className="muted">Loading…</p>}
      {detail.isError && <ErrorMessage error={detail.error} context="Could not load this record" />}
      {record && <RecordBody record={record} />}
      {record && dialog === 'edit' && <RecordEditDialog record={record} onClose={() => setDialog(null)} />}
      {record && dialog === 'delete' && (
        <DeleteRecordDialog
          record={record}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            onClose();
          }}
        />
      )}
    </aside>
  );
}

function RecordBody({ record }: { record: RegistryRecordDetail }) {
  const rows: [string, string][] = [
    ['Name', record.name],
    ['Alias', record.alias || '—'],
    ['Version', record.version || '—'],
    ['Description', record.description || '—'],
    ['OS', osText(record)],
    ['Architecture', record.architecture],
    ['Size', record.sizeGb === null ? '—' : `${record.sizeGb} GB`],
    ['Agent installed', record.agentInstalled ? 'yes' : 'no'],
    ['Access', record.access],
    ['Scope', scopeText(record)],
    ['Owner', record.owner],
    ['Created', formatDateTime(record.createdAt)],
    ['Updated', formatDateTime(record.updatedAt)],
  ];
  return (
    <div className="details-body">
      <p>
        Drift: <RecordDriftBadge record={record} />
      </p>
      <RecordQuickEdit record={record} />
      <dl className="kv">
        {rows.map(([key, value]) => (
          <div key={key} className="kv-row">
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h3>Tags</h3>
      {Object.keys(record.tags).length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <pre className="record-tags mono">{tagsToText(record.tags)}</pre>
      )}

      <h3>Mappings</h3>
      <RecordMappings record={record} />

      <h3>History</h3>
      <RecordHistory entries={record.history} />
    </div>
  );
}

function RecordHistory({ entries }: { entries: readonly RegistryHistoryEntry[] }) {
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className="record-history" aria-label="History">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> <strong>{entry.action}</strong>{' '}
          <span>{entry.summary}</span> <span className="muted">by {entry.by}</span>
        </li>
      ))}
    </ol>
  );
}
