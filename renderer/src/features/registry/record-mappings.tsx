import { useState } from 'react';
import type { RegistryMapping, RegistryRecord } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { CloudBadge } from '../../components/cloud-badge';
import { ErrorMessage } from '../../components/error-message';
import { formatDateTime } from '../../lib/format';
import { copyText } from '../catalog/copy-id-button';
import { MappingImageActions } from '../lifecycle/image-actions-entry';
import { PrivateCopyButton } from '../lifecycle/private-copy-button';
import { MappingDriftBadge } from './drift-badge';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

/** The cloud images a record maps to, one row per account × location, with their drift. */
export function RecordMappings({ record }: { record: RegistryRecord }) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useAction(async (mappingId: string) => {
    await api.invoke('registry:remove-mapping', { workspaceId, recordId: record.id, mappingId });
    await invalidate();
  });

  if (record.mappings.length === 0)
    return <p className="muted">No mappings: add a location to use this record.</p>;
  return (
    <>
      <table className="mapping-table" aria-label="Mappings">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Cloud image</th>
            <th scope="col">Drift</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {record.mappings.map((mapping) => (
            <tr key={mapping.id}>
              <td>
                <CloudBadge cloud={mapping.cloud} /> {mapping.accountName}
                <div className="muted">{mapping.location}</div>
              </td>
              <td>
                <span className="mono selectable">{mapping.cloudImageId}</span>{' '}
                <CopyButton text={mapping.cloudImageId} />
                {mapping.computeResource && <div className="muted">on {mapping.computeResource}</div>}
              </td>
              <td>
                <MappingDriftBadge drift={mapping.drift} />
                {mapping.drift.detail && <div className="mapping-detail">{mapping.drift.detail}</div>}
                <div className="muted">
                  {mapping.drift.checkedAt
                    ? `checked ${formatDateTime(mapping.drift.checkedAt)}`
                    : 'not checked yet'}
                </div>
              </td>
              <td>
                <MappingImageActions recordId={record.id} mapping={mapping} />{' '}
                {confirming === mapping.id ? (
                  <span className="confirm-inline">
                    <button
                      type="button"
                      className="button-small button-danger"
                      disabled={remove.busy}
                      onClick={() => void remove.run(mapping.id).then(() => setConfirming(null))}
                    >
                      Remove
                    </button>
                    <button
                      type="button"
                      className="button-small button-quiet"
                      onClick={() => setConfirming(null)}
                    >
                      Keep
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button-small button-quiet"
                    aria-label={`Remove mapping ${mapping.cloudImageId} in ${mapping.location}`}
                    onClick={() => setConfirming(mapping.id)}
                  >
                    Remove mapping
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {remove.error && <ErrorMessage error={remove.error} context="Could not remove the mapping" />}
      {record.mappings
        .filter((mapping) => !mapping.ownedByAccount)
        .map((mapping) => (
          <OwnershipWarning key={mapping.id} record={record} mapping={mapping} />
        ))}
    </>
  );
}

/**
 * The enStratus lesson: a vendor's (or another account's) image can vanish without notice. The
 * way out: capture a private copy from a server launched from it (see PrivateCopyButton).
 */
function OwnershipWarning({ record, mapping }: { record: RegistryRecord; mapping: RegistryMapping }) {
  return (
    <div className="ownership-warning" role="note">
      <p>
        <span className="mono">{mapping.cloudImageId}</span> in {mapping.location}: This image belongs to{' '}
        {mapping.ownerId}, not to this account: its owner can delete it at any time.
      </p>
      <PrivateCopyButton record={record} mapping={mapping} />
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [note, setNote] = useState('');
  return (
    <>
      <button
        type="button"
        className="button-small button-quiet"
        aria-label={`Copy ${text}`}
        onClick={() =>
          void copyText(text).then((ok) => setNote(ok ? 'Copied' : 'Copy failed: select the id'))
        }
      >
        Copy
      </button>
      <span className="copy-status" role="status">
        {note}
      </span>
    </>
  );
}
