import type { HangarBridge } from '@contract/index';
import { createBrowserTransport } from './browser-transport';
import { createStatusStore, type StatusStore } from './transport-status';

export interface Transport {
  kind: 'electron' | 'browser';
  bridge: HangarBridge;
  status: StatusStore;
}

/**
 * The only place that reads `window.hangar`. Under Electron the sandboxed preload exposes the
 * contract there; in a plain browser it is absent and we talk to the browser host over HTTP.
 */
export function connectTransport(): Transport {
  const preload = (window as Window & { hangar?: HangarBridge }).hangar;
  if (preload) {
    // IPC events cannot drop, so the event link is open from the start.
    const status = createStatusStore({ events: 'open', openCount: 1, unauthorized: false });
    return { kind: 'electron', bridge: preload, status };
  }
  const status = createStatusStore({ events: 'connecting', openCount: 0, unauthorized: false });
  return { kind: 'browser', bridge: createBrowserTransport(status), status };
}
