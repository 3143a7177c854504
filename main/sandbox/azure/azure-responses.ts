import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArmError, armErrors } from './arm-error';
import type { AzureFault } from './azure-faults';
import { EntraError } from './entra-endpoints';
import { delay, readBoundedBody } from '../shared/stand-in-http';

/** One answer before it is written: status, JSON body, extra headers, and what the log calls it. */
export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  errorCode?: string | null;
}

const MAX_BODY_BYTES = 64 * 1024;

/** A request body up to `maxBytes` (64 KiB unless told; ARM writes with custom data pass more). */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return readBoundedBody(
    req,
    maxBytes,
    () => new EntraError(400, 'invalid_request', 90014, 'The request body is too large.'),
  );
}

/** An error in the envelope of whoever "answered": Entra's OAuth body, or ARM's `{ error: { code, message } }`. */
export function errorAnswer(error: unknown, fromEntra: boolean): Answer {
  if (error instanceof EntraError)
    return { status: error.status, body: error.body(new Date()), errorCode: error.error };
  const armError = error instanceof ArmError ? error : armErrors.internal();
  const body = fromEntra
    ? new EntraError(armError.status, 'temporarily_unavailable', 90033, armError.message).body(new Date())
    : armError.body();
  return { status: armError.status, body, headers: armError.headers, errorCode: armError.code };
}

/** The error an `error` fault stands for, worded as ARM words throttling and outages. */
export function faultError(fault: AzureFault): ArmError {
  const status = fault.status ?? 500;
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  const defaults: Record<number, [string, string]> = {
    429: [
      'TooManyRequests',
      'The request is being throttled as the limit has been reached for operation type - Read.',
    ],
    503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.'],
  };
  const [code, message] = defaults[status] ?? ['InternalServerError', 'Encountered internal server error.'];
  return new ArmError(status, fault.code ?? code, fault.message ?? message, headers);
}

export interface FaultContext {
  res: ServerResponse;
  /** The absolute URL of this very request, for a `nextLink` that points back at it. */
  selfLink: string;
  produce: () => Answer;
}

/**
 * Applies the faults that hit one request to the answer about to go out. Returns the answer to
 * send, or 'truncated' when half a body has been written and the connection cut.
 */
export async function applyFaults(
  hits: readonly AzureFault[],
  ctx: FaultContext,
): Promise<Answer | 'truncated'> {
  const of = (kind: AzureFault['kind']) => hits.find((hit) => hit.kind === kind);
  const latency = of('latency');
  if (latency) await delay(latency.ms ?? 250, ctx.res);
  const error = of('error');
  if (error) throw faultError(error);
  if (of('malformed')) {
    return {
      status: 200,
      body: '{"value": [{"id": <html><body>Bad Gateway</body></html>',
      errorCode: 'malformed',
    };
  }
  let answer = ctx.produce();
  if (of('repeat-next-link')) {
    const parsed = JSON.parse(answer.body) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      answer = {
        ...answer,
        body: JSON.stringify({ ...parsed, nextLink: ctx.selfLink }),
        errorCode: 'repeat-next-link',
      };
    }
  }
  if (of('truncated')) {
    const full = Buffer.from(answer.body);
    ctx.res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(full.length),
    });
    ctx.res.write(full.subarray(0, Math.floor(full.length / 2)), () => ctx.res.socket?.destroy());
    return 'truncated';
  }
  return answer;
}
