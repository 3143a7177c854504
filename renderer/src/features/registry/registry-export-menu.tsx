import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { PopoverMenu } from '../../components/popover-menu';
import { downloadText } from '../../lib/download';
import { plural } from '../../lib/format';
import { useAction } from './use-action';

interface RegistryExportMenuProps {
  /** The records ticked in the table: "Export selected" exports only these. */
  selectedIds: readonly string[];
}

/**
 * Exports the registry (all of it, or the selection) as a JSON file. Main writes the file without
 * any secret; the renderer hands it to the browser's download like the catalog export does.
 */
export function RegistryExportMenu({ selectedIds }: RegistryExportMenuProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const action = useAction(async (recordIds: string[] | undefined) => {
    const file = await api.invoke('registry:export', { workspaceId, recordIds });
    downloadText(file.fileName, 'application/json', file.content);
    return { fileName: file.fileName, count: recordIds?.length ?? null };
  });
  const { busy, error, run } = action;
  const [done, setDone] = useState<{ fileName: string; count: number | null } | null>(null);

  const exportRecords = async (recordIds: string[] | undefined) => {
    setDone(null);
    const result = await run(recordIds);
    if (result) setDone(result);
  };

  return (
    <>
      <PopoverMenu label="Export…" panelLabel="Export the registry">
        <button
          type="button"
          className="button-quiet menu-item"
          data-close-menu
          disabled={busy}
          onClick={() => void exportRecords(undefined)}
        >
          Export all records
        </button>
        <button
          type="button"
          className="button-quiet menu-item"
          data-close-menu
          disabled={busy || selectedIds.length === 0}
          onClick={() => void exportRecords([...selectedIds])}
        >
          Export selected ({selectedIds.length})
        </button>
      </PopoverMenu>
      {error && <ErrorMessage error={error} context="Could not export the registry" />}
      <span className="registry-note" role="status">
        {busy && 'Exporting…'}
        {done && (
          <>
            Exported {done.count === null ? 'the registry' : plural(done.count, 'record')} to{' '}
            <span className="mono">{done.fileName}</span>.
          </>
        )}
      </span>
    </>
  );
}
