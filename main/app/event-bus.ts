import { events, type EventName, type EventPayload } from '@contract/index';

type Listener = (event: EventName, payload: unknown) => void;

/** Main → renderer events. Transports subscribe once and forward everything to their windows. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    // Validate at the source, so a malformed event is a bug found here, not a renderer crash.
    const checked = events[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
