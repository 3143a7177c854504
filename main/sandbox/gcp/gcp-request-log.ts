import { StandInRequestLog } from '../shared/request-log';
import type { GcpFaultKind } from './gcp-fault-injector';
import type { GcpOperation } from './gcp-images-api';

/** One request as the stand-in saw it. Tokens, assertions and keys are never recorded. */
export interface GcpSandboxRequest {
  seq: number;
  receivedAt: Date;
  method: string;
  path: string;
  operation: GcpOperation | null;
  project: string | null;
  /** The service account (or token owner) the request authenticated as, when it did. */
  principal: string | null;
  /** Query parameters (maxResults, pageToken, filter …). */
  query: Record<string, string>;
  /** 0 when the client went away, or the stand-in cut the connection, before a full answer. */
  status: number;
  /** Google's error reason (notFound, rateLimitExceeded, invalid_grant …), or null on success. */
  reason: string | null;
  fault: GcpFaultKind | null;
}

/** The Compute stand-in's log, filtered by API operation. */
export class GcpRequestLog extends StandInRequestLog<GcpSandboxRequest> {
  entries(operation?: GcpOperation): readonly GcpSandboxRequest[] {
    return operation ? this.matching((r) => r.operation === operation) : this.matching();
  }
}
