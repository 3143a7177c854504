import { useState } from 'react';
import type { DriftRow } from '@contract/index';
import { useWorkspaceId } from '../../api/workspace-scope';
import { useChannelQuery } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { formatDay } from '../../lib/format';
import { replaceQuestion } from './model/registry-format';
import { useAction } from './use-action';
import { useReplaceMapping, type ReplaceTarget } from './use-replace-mapping';

const MATCHED_BY = { family: 'same family', 'name-pattern': 'same name, newer build' } as const;

/** A candidate built before the mapped image: still a way out when that one vanished, not an upgrade. */
function isOlder(candidate: string | null, current: string | null): boolean {
  return candidate !== null && current !== null && Date.parse(candidate) < Date.parse(current);
}

interface ReplacementFinderProps {
  row: DriftRow;
  onDone: (message: string) => void;
}

/**
 * The newest images of the same family or name pattern and owner, from the cached catalog, and
 * "Use this image": after a confirmation, the drifted mapping is swapped for the chosen one.
 */
export function ReplacementFinder({ row, onDone }: ReplacementFinderProps) {
  const workspaceId = useWorkspaceId();
  const { mapping } = row;
  const found = useChannelQuery('registry:find-replacement', {
    workspaceId,
    recordId: row.recordId,
    mappingId: mapping.id,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const replaceMapping = useReplaceMapping();
  const replace = useAction(async (target: ReplaceTarget) => {
    await replaceMapping(target);
    return true;
  });

  const confirm = async () => {
    if (!chosen) return;
    setChosen(null);
    const ok = await replace.run({ recordId: row.recordId, mapping, newCloudImageId: chosen });
    if (ok) onDone(`Replaced ${mapping.cloudImageId} with ${chosen} in ${row.recordName}.`);
  };

  return (
    <div className="replacement" role="region" aria-label={`Replacements for ${mapping.cloudImageId}`}>
      {found.isPending && <p role="status">Searching the catalog for a replacement…</p>}
      {found.isError && <ErrorMessage error={found.error} context="Could not search for a replacement" />}
      {found.data && found.data.candidates.length === 0 && (
        <p className="muted">{found.data.note ?? 'No newer image of the same family or name was found.'}</p>
      )}
      {found.data && found.data.candidates.length > 0 && (
        <table className="mapping-table" aria-label="Replacement candidates">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Image id</th>
              <th scope="col">Created</th>
              <th scope="col">Matched by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {found.data.candidates.map((candidate, index) => (
              <tr key={candidate.key}>
                <td>
                  {candidate.name}
                  {index === 0 && <span className="badge badge-sandbox">suggested</span>}
                  {candidate.deprecated && <span className="badge badge-warning">deprecated</span>}
                  {isOlder(candidate.createdAt, mapping.imageCreatedAt) && (
                    <span className="badge">older than the current image</span>
                  )}
                </td>
                <td className="mono">{candidate.cloudId}</td>
                <td>{formatDay(candidate.createdAt)}</td>
                <td>{MATCHED_BY[candidate.matchedBy]}</td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    disabled={replace.busy}
                    onClick={() => setChosen(candidate.cloudId)}
                  >
                    Use this image
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {replace.busy && <p role="status">Replacing…</p>}
      {replace.error && <ErrorMessage error={replace.error} context="Could not replace the image" noAdvice />}
      {chosen && (
        <Dialog title="Replace the image?" role="alertdialog" onClose={() => setChosen(null)}>
          <p>{replaceQuestion(mapping.cloudImageId, chosen, row.recordName)}</p>
          <p className="field-hint">
            The record then maps {chosen} in {mapping.location}; launches already running are not touched.
          </p>
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="button-quiet" onClick={() => setChosen(null)}>
              Cancel
            </button>
            <button type="button" className="button-primary" data-autofocus onClick={() => void confirm()}>
              Replace
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
