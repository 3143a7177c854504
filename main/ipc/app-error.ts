import type { AppError, ErrorCode } from '@contract/index';
import { CloudError } from '../providers/driver';
import { SecretStoreUnavailableError } from '../secrets/secret-store';

/** An error a service throws on purpose: its message is written for the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Map anything thrown by a service to the `{ code, message }` the renderer shows. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  if (error instanceof CloudError) return error.appError;
  if (error instanceof SecretStoreUnavailableError) {
    return { code: 'keychain-unavailable', message: error.message };
  }
  // Unknown failures may carry anything (paths, payloads): never echo their text to the UI.
  return {
    code: 'internal',
    message: 'Something went wrong inside Hangar. The details were written to the log; try again.',
  };
}
