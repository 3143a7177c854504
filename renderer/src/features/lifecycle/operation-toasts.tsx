import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useWorkspaceId } from '../../api/workspace-scope';
import { useRegistryActions } from '../registry/registry-actions';
import { invalidateRegistry } from '../registry/registry-queries';
import { isFinished, outcomeText } from './model/operation';
import { OperationProgress } from './operation-progress';
import { useOperation } from './use-operation';

export interface TrackedOperation {
  operationId: string;
  title: string;
}

interface OperationToastsProps {
  operations: readonly TrackedOperation[];
  onDismiss: (operationId: string) => void;
}

/**
 * Notices in a corner, one per operation a lifecycle dialog started: its step and progress while
 * it runs, what it made (with the record, when it registered one) once done. Dismissed by hand,
 * so an outcome is never missed.
 */
export function OperationToasts({ operations, onDismiss }: OperationToastsProps) {
  if (operations.length === 0) return null;
  return (
    <section className="operation-toasts" aria-label="Image operations">
      {operations.map((operation) => (
        <OperationToast key={operation.operationId} operation={operation} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function OperationToast({
  operation,
  onDismiss,
}: {
  operation: TrackedOperation;
  onDismiss: (operationId: string) => void;
}) {
  const snapshot = useOperation(operation.operationId);
  const actions = useRegistryActions();
  const client = useQueryClient();
  const workspaceId = useWorkspaceId();
  const finished = snapshot !== null && isFinished(snapshot);
  const recordId = snapshot?.result?.recordId ?? null;

  // A registration at the end changes the registry; main says so too, this is only quicker.
  useEffect(() => {
    if (finished) void invalidateRegistry(client, workspaceId);
  }, [finished, client, workspaceId]);

  return (
    <article className={`operation-toast is-${snapshot?.state ?? 'running'}`} aria-label={operation.title}>
      <div className="operation-toast-head">
        <strong>{snapshot?.title ?? operation.title}</strong>
        <span className="spacer" />
        <button
          type="button"
          className="button-small button-quiet"
          aria-label={`Dismiss ${operation.title}`}
          onClick={() => onDismiss(operation.operationId)}
        >
          {finished ? 'Dismiss' : 'Hide'}
        </button>
      </div>
      {finished && snapshot.state === 'done' ? (
        <p role="status">{outcomeText(snapshot)}</p>
      ) : (
        <OperationProgress snapshot={snapshot} label={`${operation.title} progress`} />
      )}
      {finished && recordId && actions && (
        <button type="button" className="link-button" onClick={() => actions.openRecord(recordId)}>
          Show the record
        </button>
      )}
      {!finished && <p className="field-hint">Hiding this notice does not stop the operation.</p>}
    </article>
  );
}
