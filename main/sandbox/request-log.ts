import { EventEmitter } from 'node:events';

/** One request as the sandbox saw it; secrets are never recorded (only the key id). */
export interface SandboxRequest {
  seq: number;
  receivedAt: Date;
  action: string | null;
  region: string | null;
  accessKeyId: string | null;
  /** The SDK's attempt counter from `amz-sdk-request: attempt=N; max=M`, when sent. */
  attempt: number | null;
  invocationId: string | null;
  params: Record<string, string>;
  /** 0 when the client went away before the answer. */
  status: number;
  errorCode: string | null;
}

type Listener = (request: SandboxRequest) => void;

/**
 * Requests in arrival order, with events so tests wait for a request instead of sleeping.
 * Bounded, because the embedded sandbox runs as long as the app does.
 */
export class RequestLog {
  private readonly items: SandboxRequest[] = [];
  private readonly events = new EventEmitter();

  constructor(private readonly maxEntries = 2000) {}

  entries(action?: string): readonly SandboxRequest[] {
    return action ? this.items.filter((r) => r.action === action) : [...this.items];
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Fires when a request has been authenticated and is about to be answered (before any latency). */
  onReceived(listener: Listener): () => void {
    this.events.on('received', listener);
    return () => this.events.off('received', listener);
  }

  /** Fires when an answer (or a client hang-up) has been recorded. */
  onCompleted(listener: Listener): () => void {
    this.events.on('completed', listener);
    return () => this.events.off('completed', listener);
  }

  /** Resolves with the next received request matching the predicate. */
  nextReceived(predicate: (request: SandboxRequest) => boolean = () => true): Promise<SandboxRequest> {
    return new Promise((resolve) => {
      const off = this.onReceived((request) => {
        if (!predicate(request)) return;
        off();
        resolve(request);
      });
    });
  }

  received(request: SandboxRequest): void {
    this.events.emit('received', request);
  }

  completed(request: SandboxRequest): void {
    this.items.push(request);
    if (this.items.length > this.maxEntries) this.items.splice(0, this.items.length - this.maxEntries);
    this.events.emit('completed', request);
  }
}
