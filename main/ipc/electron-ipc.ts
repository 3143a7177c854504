import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '@contract/index';
import type { Dispatcher } from './dispatcher';
import type { EventBus } from '../app/event-bus';

/**
 * The one place channels are registered with Electron. Each call must come from the main frame of
 * our own window showing our own page; anything else (another window, an iframe, a navigated page)
 * is refused before the request is even parsed.
 */
export function registerElectronIpc(
  dispatcher: Dispatcher,
  bus: EventBus,
  window: BrowserWindow,
  isOwnUrl: (url: string) => boolean,
): () => void {
  const isOwnSender = (event: IpcMainInvokeEvent): boolean =>
    event.sender.id === window.webContents.id &&
    event.senderFrame !== null &&
    event.senderFrame === window.webContents.mainFrame &&
    isOwnUrl(event.senderFrame.url);

  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isOwnSender(event)) {
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: "Refused: not Hangar's own window." },
        };
      }
      return dispatcher.dispatch(channel, payload);
    });
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
