import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '@contract/index';
import type { Dispatcher } from './dispatcher';
import type { EventBus } from '../app/event-bus';

/**
 * The one place channels are registered with Electron. A call must come from the main frame of one
 * of our own windows showing our own page; anything else (a foreign window, an iframe, a navigated
 * page) is refused before the request is even parsed. Each window keeps its own workspace, which
 * travels in every request, so windows side by side never share a context.
 */
export class ElectronIpc {
  private readonly windows = new Set<BrowserWindow>();
  private readonly unsubscribe: () => void;

  constructor(
    dispatcher: Dispatcher,
    bus: EventBus,
    private readonly isOwnUrl: (url: string) => boolean,
  ) {
    for (const channel of channelNames) {
      ipcMain.handle(channel, (event, payload: unknown) => {
        if (!this.isOwnSender(event)) {
          return {
            ok: false,
            error: { code: 'forbidden-sender', message: "Refused: not Hangar's own window." },
          };
        }
        return dispatcher.dispatch(channel, payload);
      });
    }
    this.unsubscribe = bus.subscribe((event, payload) => {
      for (const window of this.windows) if (!window.isDestroyed()) window.webContents.send(event, payload);
    });
  }

  attach(window: BrowserWindow): void {
    this.windows.add(window);
    window.on('closed', () => this.windows.delete(window));
  }

  dispose(): void {
    this.unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  }

  private isOwnSender(event: IpcMainInvokeEvent): boolean {
    const window = BrowserWindow.fromWebContents(event.sender);
    return (
      window !== null &&
      this.windows.has(window) &&
      event.senderFrame !== null &&
      event.senderFrame === window.webContents.mainFrame &&
      this.isOwnUrl(event.senderFrame.url)
    );
  }
}
