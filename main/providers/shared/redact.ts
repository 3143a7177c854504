import type { AppError } from '@contract/index';

/**
 * Removes secrets a cloud or proxy might echo back, before a message leaves the driver. Secrets
 * shorter than `minLength` are left alone: redacting a two-letter password would shred the text.
 */
export function redactSecrets(
  appError: AppError,
  secrets: readonly (string | null | undefined)[],
  minLength: number,
): AppError {
  let message = appError.message;
  for (const secret of secrets) {
    if (secret && secret.length >= minLength) message = message.split(secret).join('[redacted]');
  }
  return message === appError.message ? appError : { ...appError, message };
}
