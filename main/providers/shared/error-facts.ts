import type { AppError, ConnectionCheck } from '@contract/index';

/**
 * Pieces every cloud's error classifier shares: the socket-level error codes that mean "the
 * endpoint could not be reached", and how cloud text is cut down for a dialog.
 */

/** Node socket/DNS codes that mean the endpoint was not reached; each cloud adds its client's own. */
export const SOCKET_ERROR_CODES: readonly string[] = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
];

/** Cloud text cut to `max` characters, without its final full stop (the message adds its own). */
export const clip = (text: string, max: number): string =>
  (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/[.\s]+$/, '');

const CHECK_CODES: Partial<Record<AppError['code'], ConnectionCheck['code']>> = {
  'cloud-auth': 'bad-credentials',
  'cloud-permission': 'no-permission',
  'cloud-unreachable': 'unreachable',
  'cloud-throttled': 'throttled',
};

/** A failed connection check in the contract's vocabulary; the message is the classifier's sentence. */
export function failedCheck(appError: AppError): ConnectionCheck {
  return { ok: false, code: CHECK_CODES[appError.code] ?? 'error', message: appError.message };
}
