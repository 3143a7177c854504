import { nextStepFor } from '../api/error-help';
import { toApiError } from '../api/api-error';

interface ErrorMessageProps {
  error: unknown;
  /** What was being attempted, e.g. "Could not load the catalog". */
  context?: string;
  /** Extra advice that only the caller knows (e.g. "the cached catalog is still browsable"). */
  hint?: string;
  /** Leave out the generic advice for the error code when main's own sentence says what to do. */
  noAdvice?: boolean;
}

/** Every failure says what happened and what to do next. */
export function ErrorMessage({ error, context, hint, noAdvice }: ErrorMessageProps) {
  const apiError = toApiError(error);
  const next = noAdvice ? null : nextStepFor(apiError.code);
  return (
    <div className="error-message" role="alert">
      <p>
        {context && <strong>{context}: </strong>}
        {apiError.message}
        <code className="error-code">{apiError.code}</code>
      </p>
      {next && <p className="error-next">{next}</p>}
      {hint && <p className="error-next">{hint}</p>}
    </div>
  );
}
