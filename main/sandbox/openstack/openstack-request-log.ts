import { EventEmitter } from 'node:events';

/** One request as the stand-in saw it. Never a password, secret or token: only who it resolved to. */
export interface OpenStackRequest {
  seq: number;
  receivedAt: Date;
  service: 'keystone' | 'glance' | 'unknown';
  method: string;
  /** Path without the query, e.g. /regionone/image/v2/images */
  path: string;
  query: Record<string, string>;
  region: string | null;
  /** The user the token or credentials resolved to, when they did. */
  userName: string | null;
  /** The fault served, if one was. */
  fault: string | null;
  /** 0 when the client went away (or the connection was cut on purpose) before an answer. */
  status: number;
}

type Listener = (request: OpenStackRequest) => void;

/** Requests in arrival order, with events so tests wait for a request instead of sleeping. Bounded. */
export class OpenStackRequestLog {
  private readonly items: OpenStackRequest[] = [];
  private readonly events = new EventEmitter();

  constructor(private readonly maxEntries = 2000) {}

  entries(filter: (request: OpenStackRequest) => boolean = () => true): OpenStackRequest[] {
    return this.items.filter(filter);
  }

  clear(): void {
    this.items.length = 0;
  }

  onReceived(listener: Listener): () => void {
    this.events.on('received', listener);
    return () => this.events.off('received', listener);
  }

  onCompleted(listener: Listener): () => void {
    this.events.on('completed', listener);
    return () => this.events.off('completed', listener);
  }

  /** Resolves with the next received request matching the predicate. */
  nextReceived(predicate: (request: OpenStackRequest) => boolean = () => true): Promise<OpenStackRequest> {
    return new Promise((resolve) => {
      const off = this.onReceived((request) => {
        if (!predicate(request)) return;
        off();
        resolve(request);
      });
    });
  }

  received(request: OpenStackRequest): void {
    this.events.emit('received', request);
  }

  completed(request: OpenStackRequest): void {
    this.items.push(request);
    if (this.items.length > this.maxEntries) this.items.splice(0, this.items.length - this.maxEntries);
    this.events.emit('completed', request);
  }
}
