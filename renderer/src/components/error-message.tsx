import { nextStepFor } from '../api/error-help';
import { toApiError } from '../api/api-error';

interface ErrorMessageProps {
  error: unknown;
  /** What was being attempted, e.g. "Could not load the catalog". */
  context?: string;
  /** Extra advice that only the caller knows (e.g. "the cached catalog is still browsable"). */
  hint?: string;
}

/** Every failure says what happened and what to do next. */
export function ErrorMessage({ error, context, hint }: ErrorMessageProps) {
  const apiError = toApiError(error);
  const next = nextStepFor(apiError.code);
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
