import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';

type Listener<T> = (request: T) => void;

/**
 * Requests a stand-in has seen, in arrival order, with events so tests wait for a request instead
 * of sleeping. Bounded, because the embedded sandbox runs as long as the app does. Generic over the
 * entry each stand-in records; each stand-in's log adds its own way of filtering `entries`.
 */
export class StandInRequestLog<T> {
  private readonly items: T[] = [];
  private readonly events = new EventEmitter();

  constructor(private readonly maxEntries = 2000) {}

  /** A copy of the recorded requests that match, in arrival order. */
  protected matching(predicate: (request: T) => boolean = () => true): T[] {
    return this.items.filter(predicate);
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Fires when a request has been authenticated and is about to be answered (before any latency). */
  onReceived(listener: Listener<T>): () => void {
    this.events.on('received', listener);
    return () => this.events.off('received', listener);
  }

  /** Fires when an answer (or a client hang-up) has been recorded. */
  onCompleted(listener: Listener<T>): () => void {
    this.events.on('completed', listener);
    return () => this.events.off('completed', listener);
  }

  /** Resolves with the next received request matching the predicate. */
  nextReceived(predicate: (request: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => {
      const off = this.onReceived((request) => {
        if (!predicate(request)) return;
        off();
        resolve(request);
      });
    });
  }

  received(request: T): void {
    this.events.emit('received', request);
  }

  /**
   * Records `request` exactly once: when the stand-in calls `complete()` after answering, or when
   * the client hangs up first (the status then still 0). `logged` says whether that has happened.
   */
  completeOnce(request: T, res: ServerResponse): { complete: () => void; readonly logged: boolean } {
    let logged = false;
    const complete = (): void => {
      if (logged) return;
      logged = true;
      this.completed(request);
    };
    res.once('close', complete);
    return {
      complete,
      get logged() {
        return logged;
      },
    };
  }

  completed(request: T): void {
    this.items.push(request);
    if (this.items.length > this.maxEntries) this.items.splice(0, this.items.length - this.maxEntries);
    this.events.emit('completed', request);
  }
}
