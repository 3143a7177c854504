import { ErrorMessage } from '../../components/error-message';
import { OperationItem } from './operation-item';
import { useOperations } from './use-operations';

/**
 * Running and recent long actions of the workspace (launches, captures, copies, imports), live
 * from `operation:update`: what each does now, how far it is, how it ended, and Cancel where the
 * cloud allows it. Finished ones are announced once to screen readers.
 */
export function OperationsPanel() {
  const { operations, list, launches, announcement, cancel } = useOperations();
  return (
    <section className="ops-panel" role="region" aria-labelledby="operations-heading">
      <h2 id="operations-heading">Operations</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {list.isError && <ErrorMessage error={list.error} context="Could not list the operations" />}
      {list.isPending && <p className="muted">Loading…</p>}
      {operations?.length === 0 && (
        <p className="muted">
          Nothing running. Launches, captures, copies and imports show here while they run, and for a while
          after.
        </p>
      )}
      {operations && operations.length > 0 && (
        <ul className="ops-list" aria-label="Running and recent operations">
          {operations.map((operation) => (
            <OperationItem
              key={operation.operationId}
              operation={operation}
              launch={launches.find((l) => l.operationId === operation.operationId) ?? null}
              onCancel={cancel}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
