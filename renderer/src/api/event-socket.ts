import type { StatusStore } from './transport-status';

type Listener = (payload: unknown) => void;

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

/**
 * One WebSocket carrying every main → renderer event as `{ event, payload }` text frames.
 * It opens on the first subscription and reconnects with capped, jittered backoff, because the
 * browser host may restart or the laptop may sleep; the status store tells the UI meanwhile.
 */
export class EventSocket {
  private readonly listeners = new Map<string, Set<Listener>>();
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: string,
    private readonly status: StatusStore,
  ) {}

  subscribe(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    this.ensureConnected();
    return () => {
      set.delete(listener);
    };
  }

  private ensureConnected(): void {
    if (this.socket || this.retryTimer) return;
    this.connect();
  }

  private connect(): void {
    this.retryTimer = null;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      const { openCount } = this.status.get();
      this.status.update({ events: 'open', openCount: openCount + 1 });
    });
    socket.addEventListener('message', (message) => this.dispatch(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.status.update({ events: 'reconnecting' });
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt);
    this.attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      console.warn('Hangar: ignored an event frame that is not JSON');
      return;
    }
    if (typeof frame !== 'object' || frame === null || !('event' in frame)) return;
    const { event, payload } = frame as { event: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }
}
