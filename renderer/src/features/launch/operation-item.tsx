import { useId, useState } from 'react';
import type { LaunchEntry, OperationSnapshot } from '@contract/index';
import { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/relative-time';
import { OPERATION_STATE_LABEL, progressPercent } from './model/operations';

const KIND_WORD: Record<OperationSnapshot['kind'], string> = {
  launch: 'Launch',
  capture: 'Capture',
  copy: 'Copy',
  import: 'Import',
};

interface OperationItemProps {
  operation: OperationSnapshot;
  /** The launch this operation follows, when it is one: its servers and their addresses. */
  launch: LaunchEntry | null;
  onCancel: (operationId: string) => Promise<{ cancelled: boolean }>;
}

/** One operation: title, what it does now, a progress bar named by its title, its state or error, Cancel. */
export function OperationItem({ operation, launch, onCancel }: OperationItemProps) {
  const titleId = useId();
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [refused, setRefused] = useState(false);
  const percent = progressPercent(operation);
  const running = operation.state === 'running';

  const cancel = async () => {
    setCancelling(true);
    setCancelError(null);
    try {
      const { cancelled } = await onCancel(operation.operationId);
      setRefused(!cancelled);
    } catch (failure) {
      setCancelError(failure);
    } finally {
      setCancelling(false);
    }
  };

  const servers = launch?.servers.filter((s) => s.addresses.length > 0 || s.serverId) ?? [];
  return (
    <li className={`op-item state-${operation.state}`} aria-labelledby={titleId}>
      <div className="op-head">
        <strong id={titleId} className="op-title">
          {operation.title}
        </strong>
        <span className={`op-state state-${operation.state}`}>{OPERATION_STATE_LABEL[operation.state]}</span>
        <span className="spacer" />
        <span className="muted">
          <RelativeTime iso={operation.startedAt} prefix="started" />
        </span>
        {running && operation.cancellable && (
          <button
            type="button"
            className="button-small"
            disabled={cancelling}
            aria-busy={cancelling || undefined}
            aria-describedby={titleId}
            onClick={() => void cancel()}
          >
            Cancel
          </button>
        )}
      </div>
      <div
        className="progressbar"
        role="progressbar"
        aria-label={operation.title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? operation.step : `${percent}%: ${operation.step}`}
      >
        <div
          className={`progressbar-fill ${percent === null && running ? 'op-indeterminate' : ''} ${operation.state === 'failed' ? 'has-failures' : ''}`}
          style={{ width: `${percent ?? (running ? 30 : 0)}%` }}
        />
      </div>
      {/* Once finished, the step usually just repeats the state ("Done"): then it is left out. */}
      {(running ||
        (!operation.error &&
          operation.step.toLowerCase() !== OPERATION_STATE_LABEL[operation.state].toLowerCase())) && (
        <p className="op-step">{operation.step}</p>
      )}
      {servers.length > 0 && (
        <ul className="op-servers" aria-label={`Servers of ${operation.title}`}>
          {servers.map((server, index) => (
            <li key={server.serverId ?? index}>
              <span className="mono">{server.name || server.serverId}</span> {server.state}
              {server.addresses.length > 0 && (
                <>
                  {' · '}
                  <span className="mono selectable">{server.addresses.join(', ')}</span>
                </>
              )}
              {server.reason && <span className="muted"> · {server.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {operation.error && (
        <ErrorMessage
          error={new ApiError(operation.error.code, operation.error.message)}
          context={`${KIND_WORD[operation.kind]} failed`}
        />
      )}
      {refused && (
        <p className="field-error">
          Not cancelled: it had already finished, or passed the point where the cloud allows it.
        </p>
      )}
      {cancelError !== null && <ErrorMessage error={cancelError} context="Could not cancel" />}
    </li>
  );
}
