import type { HangarBridge } from '@contract/index';
import { EventSocket } from './event-socket';
import type { StatusStore } from './transport-status';
import { TransportError, UNAUTHORIZED_MESSAGE } from './transport-error';

/**
 * The transport used when the renderer is served by the browser host instead of Electron:
 * channels over `POST /api/<channel>`, events over one WebSocket at `/events`. The session token
 * lives in an HttpOnly cookie the host set when the page was opened with `?token=…`.
 */
export function createBrowserTransport(status: StatusStore): HangarBridge {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new EventSocket(`${scheme}//${window.location.host}/events`, status);

  return {
    async invoke(channel, request) {
      let response: Response;
      try {
        response = await fetch('/api/' + channel, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new TransportError(
          'host-unreachable',
          'Hangar is not answering. Check that the process that printed this address is still running, then reload.',
        );
      }
      if (response.status === 401 || response.status === 403) {
        status.update({ unauthorized: true });
        throw new TransportError('unauthorized', UNAUTHORIZED_MESSAGE);
      }
      try {
        const body: unknown = await response.json();
        // The cookie evidently works: the token no longer needs to sit in the address bar.
        forgetTokenInAddressBar();
        return body;
      } catch {
        throw new TransportError(
          'bad-response',
          `Hangar answered ${channel} with HTTP ${response.status} and no readable body.`,
        );
      }
    },
    on(event, listener) {
      return socket.subscribe(event, listener);
    },
  };
}

/** Keeps the token out of history, bookmarks and screenshots once the cookie carries it. */
function forgetTokenInAddressBar(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url);
}
