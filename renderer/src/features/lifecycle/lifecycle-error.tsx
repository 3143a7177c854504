import { toApiError } from '../../api/api-error';
import { ErrorMessage } from '../../components/error-message';
import { genericAdviceFits } from './model/image-actions';

/** A lifecycle action's failure in main's words, with the generic advice only where it fits. */
export function LifecycleError({ error, context }: { error: unknown; context: string }) {
  const apiError = toApiError(error);
  return <ErrorMessage error={apiError} context={context} noAdvice={!genericAdviceFits(apiError.code)} />;
}
