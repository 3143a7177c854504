import { useState } from 'react';
import type { CatalogExport } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { PopoverMenu } from '../../components/popover-menu';
import { downloadText } from '../../lib/download';
import { formatCount, plural } from '../../lib/format';
import type { CatalogView } from './use-catalog-rows';

type ExportState =
  | { state: 'idle' }
  | { state: 'running'; format: 'csv' | 'json' }
  | { state: 'done'; result: Pick<CatalogExport, 'fileName' | 'rows' | 'truncated'> }
  | { state: 'failed'; error: ApiError };

/**
 * Exports what the table shows (search, filters, sort) as CSV or JSON. Main builds the file;
 * the renderer only hands it to the browser's download through a Blob.
 */
export function ExportMenu({ view }: { view: CatalogView }) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });

  const run = async (format: 'csv' | 'json') => {
    setStatus({ state: 'running', format });
    try {
      const file = await api.invoke('catalog:export', { ...view, format, workspaceId });
      downloadText(file.fileName, file.mimeType, file.content);
      setStatus({
        state: 'done',
        result: { fileName: file.fileName, rows: file.rows, truncated: file.truncated },
      });
    } catch (error) {
      setStatus({ state: 'failed', error: toApiError(error) });
    }
  };

  return (
    <>
      <PopoverMenu label="Export" panelLabel="Export the current view">
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button-quiet menu-item"
            data-close-menu
            disabled={status.state === 'running'}
            onClick={() => void run(format)}
          >
            Export as {format.toUpperCase()}
          </button>
        ))}
      </PopoverMenu>
      <ExportStatus status={status} onDismiss={() => setStatus({ state: 'idle' })} />
    </>
  );
}

function ExportStatus({ status, onDismiss }: { status: ExportState; onDismiss: () => void }) {
  if (status.state === 'failed') {
    return (
      <div className="export-status">
        <ErrorMessage error={status.error} context="Could not export" />
        <button type="button" className="button-small button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <p className="export-status" role="status">
      {status.state === 'running' && `Exporting as ${status.format.toUpperCase()}…`}
      {status.state === 'done' && (
        <>
          Exported {plural(status.result.rows, 'image')} to{' '}
          <span className="mono">{status.result.fileName}</span>.
          {status.result.truncated && (
            <strong className="text-warning">
              {' '}
              Truncated: the view holds more than {formatCount(status.result.rows)} images; narrow the filters
              to export the rest.
            </strong>
          )}{' '}
          <button type="button" className="button-small button-quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}
