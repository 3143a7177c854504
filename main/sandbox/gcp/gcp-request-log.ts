import { EventEmitter } from 'node:events';
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

type Listener = (request: GcpSandboxRequest) => void;

/**
 * Requests in arrival order, with events so tests wait for a request instead of sleeping.
 * Bounded, because the embedded sandbox runs as long as the app does.
 */
export class GcpRequestLog {
  private readonly items: GcpSandboxRequest[] = [];
  private readonly events = new EventEmitter();

  constructor(private readonly maxEntries = 2000) {}

  entries(operation?: GcpOperation): readonly GcpSandboxRequest[] {
    return operation ? this.items.filter((r) => r.operation === operation) : [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Fires when a request has been authenticated and is about to be answered (before any latency). */
  onReceived(listener: Listener): () => void {
    this.events.on('received', listener);
    return () => this.events.off('received', listener);
  }

  onCompleted(listener: Listener): () => void {
    this.events.on('completed', listener);
    return () => this.events.off('completed', listener);
  }

  /** Resolves with the next received request matching the predicate. */
  nextReceived(predicate: (request: GcpSandboxRequest) => boolean = () => true): Promise<GcpSandboxRequest> {
    return new Promise((resolve) => {
      const off = this.onReceived((request) => {
        if (!predicate(request)) return;
        off();
        resolve(request);
      });
    });
  }

  received(request: GcpSandboxRequest): void {
    this.events.emit('received', request);
  }

  completed(request: GcpSandboxRequest): void {
    this.items.push(request);
    if (this.items.length > this.maxEntries) this.items.splice(0, this.items.length - this.maxEntries);
    this.events.emit('completed', request);
  }
}
