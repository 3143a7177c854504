/** Failures of the link itself (not of a channel), raised by the browser transport. */
export type TransportErrorCode = 'unauthorized' | 'host-unreachable' | 'bad-response';

export const UNAUTHORIZED_MESSAGE =
  'This page needs the address Hangar printed at start-up (with its token).';

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
