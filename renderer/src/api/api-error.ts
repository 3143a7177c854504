import type { ErrorCode } from '@contract/index';
import { TransportError, type TransportErrorCode } from './transport-error';

export type ApiErrorCode = ErrorCode | TransportErrorCode;

/** A failed call as the UI sees it: a stable code to choose advice by, and main's own sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything thrown on the way (transport failure, bug) becomes an ApiError the UI can explain. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TransportError) return new ApiError(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', message || 'Something failed without saying why.');
}
