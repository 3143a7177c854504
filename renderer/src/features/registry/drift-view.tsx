import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/relative-time';
import { DriftTable } from './drift-table';
import { driftSummaryText, needsAttention, summarizeDrift } from './model/drift-text';
import { useRegistryActions } from './registry-actions';
import { useDriftReport, useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

/**
 * The drift report: every mapping with what the last check found, the accounts the check could
 * not reach, "Check now", and a replacement search for what drifted. Offline, a mapping reads
 * "unknown since …", never "ok".
 */
export function DriftView() {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const actions = useRegistryActions();
  const invalidate = useInvalidateRegistry();
  const report = useDriftReport();
  const [driftedOnly, setDriftedOnly] = useState(true);
  const [findingFor, setFindingFor] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const check = useAction(() => api.invoke('registry:drift-check', { workspaceId }));

  const checkNow = async () => {
    setNote('');
    setFindingFor(null);
    const result = await check.run();
    await invalidate();
    if (result) setNote(`Checked: ${driftSummaryText(summarizeDrift(result.rows))}.`);
  };

  const data = report.data;
  const rows = data?.rows ?? [];
  const unchecked = rows.filter((row) => row.mapping.drift.state === 'unchecked').length;
  const shown = driftedOnly ? rows.filter((row) => needsAttention(row.mapping.drift.state)) : rows;

  return (
    <div className="registry drift-view">
      <div className="registry-main">
        <div className="catalog-toolbar">
          <button
            type="button"
            className="button-primary"
            disabled={check.busy}
            onClick={() => void checkNow()}
          >
            Check now
          </button>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={driftedOnly}
              onChange={(event) => setDriftedOnly(event.target.checked)}
            />
            Drifted only
          </label>
          <span className="spacer" />
          <span className="muted">
            {data?.checkedAt ? <RelativeTime iso={data.checkedAt} prefix="Last checked" /> : 'Never checked'}
          </span>
        </div>
        <div className="catalog-status">
          <span role="status" aria-live="polite">
            {check.busy ? 'Checking every mapping against its cloud…' : note}
          </span>
        </div>
        {check.error && <ErrorMessage error={check.error} context="Could not check drift" />}
        {report.isError && <ErrorMessage error={report.error} context="Could not load the drift report" />}
        {data?.errors.map((failure, index) => (
          <ErrorMessage
            key={`${failure.accountName}-${index}`}
            // The report carries main's error as data, not as a thrown ApiError: wrap it, or its
            // sentence and code read "[object Object] internal".
            error={new ApiError(failure.error.code, failure.error.message)}
            context={`Could not check ${failure.accountName}`}
            hint="Its mappings show “unknown since” the last check that reached the cloud."
          />
        ))}
        {data && !note && !check.busy && (
          <p className="muted">
            {driftSummaryText(summarizeDrift(rows))}
            {driftedOnly &&
              rows.length > shown.length &&
              ` · ${rows.length - shown.length} up to date or unchecked not shown`}
          </p>
        )}
        {report.isPending && <p className="muted">Loading the drift report…</p>}
        {data && shown.length === 0 ? (
          <div className="empty-state">
            <h2>{rows.length === 0 ? 'Nothing to check yet' : 'No drift'}</h2>
            <p>
              {rows.length === 0
                ? 'Register images first: each mapping of a record is checked against its cloud.'
                : unchecked > 0
                  ? `${unchecked} of ${rows.length} mappings were never checked: press Check now.`
                  : 'Every mapping matched its cloud at the last check.'}
            </p>
          </div>
        ) : (
          <DriftTable
            rows={shown}
            findingFor={findingFor}
            onFind={setFindingFor}
            onOpenRecord={actions?.openRecord}
            onReplaced={(message) => {
              setFindingFor(null);
              setNote(message);
            }}
          />
        )}
      </div>
    </div>
  );
}
