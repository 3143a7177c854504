import type { OperationSnapshot } from '@contract/index';
import { ApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { progressPercent } from './model/operation';

interface OperationProgressProps {
  /** Null until the first news of the operation arrives. */
  snapshot: OperationSnapshot | null;
  /** Names the progress bar, e.g. "Import progress". */
  label: string;
}

/** What an operation is doing now and how far it is; its error, in full, when it failed. */
export function OperationProgress({ snapshot, label }: OperationProgressProps) {
  const step = snapshot?.step ?? 'Starting…';
  const percent = snapshot ? progressPercent(snapshot) : null;
  const state = snapshot?.state ?? 'running';
  return (
    <div className={`operation-progress is-${state}`}>
      {/* Not a live region: a download reports many times a second; the bar's value text carries it. */}
      <p className="operation-step">{step}</p>
      {state !== 'failed' && state !== 'cancelled' && (
        <div
          className="progressbar"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={percent === null ? step : `${percent}%: ${step}`}
        >
          <div
            className={`progressbar-fill ${percent === null ? 'is-indeterminate' : ''}`}
            style={{ width: `${percent ?? 100}%` }}
          />
        </div>
      )}
      {snapshot?.state === 'failed' && snapshot.error && (
        <ErrorMessage
          error={new ApiError(snapshot.error.code, snapshot.error.message)}
          context={`${snapshot.title} failed`}
          noAdvice
        />
      )}
    </div>
  );
}
