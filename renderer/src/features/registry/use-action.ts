import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../api/api-error';

export interface Action<Args extends unknown[], Result> {
  busy: boolean;
  error: ApiError | null;
  /** Resolves to the result, or undefined when it failed (the error is then in `error`). */
  run: (...args: Args) => Promise<Result | undefined>;
  reset: () => void;
}

/**
 * One user action against main (save, delete, check): busy while it runs, its error kept to show
 * inline next to the control. Results arriving after unmount are dropped quietly.
 */
export function useAction<Args extends unknown[], Result>(
  perform: (...args: Args) => Promise<Result>,
): Action<Args, Result> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mounted = useRef(true);
  const performRef = useRef(perform);

  useEffect(() => {
    performRef.current = perform;
  }, [perform]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: Args) => {
    setBusy(true);
    setError(null);
    try {
      return await performRef.current(...args);
    } catch (e) {
      if (mounted.current) setError(toApiError(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);

  return { busy, error, run, reset };
}
