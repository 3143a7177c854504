import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName, isEventName, type HangarBridge } from '@contract/index';

/**
 * The whole surface the renderer gets: invoke a contract channel, listen to a contract event.
 * `ipcRenderer` itself never crosses the bridge.
 */
const bridge: HangarBridge = {
  invoke(channel, request) {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-request', message: `Unknown channel "${channel}".` },
      });
    }
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${event}".`);
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('hangar', bridge);
