/**
 * What the UI needs to know about the link to main: whether live events flow, and whether the
 * browser host refused us for lack of the start-up token. A tiny external store so React can read
 * it with useSyncExternalStore without the transport depending on React.
 */
export type EventsConnection = 'connecting' | 'open' | 'reconnecting';

export interface TransportStatus {
  events: EventsConnection;
  /** Counts successful (re)connections, so consumers can refetch what they missed while offline. */
  openCount: number;
  unauthorized: boolean;
}

export interface StatusStore {
  get(): TransportStatus;
  update(patch: Partial<TransportStatus>): void;
  subscribe(listener: () => void): () => void;
}

export function createStatusStore(initial: TransportStatus): StatusStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    update(patch) {
      const next = { ...current, ...patch };
      const changed = (Object.keys(next) as (keyof TransportStatus)[]).some((k) => next[k] !== current[k]);
      if (!changed) return;
      current = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
