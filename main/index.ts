import { app, type BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { createHangarCore } from './app/hangar-core';
import { ElectronIpc } from './ipc/electron-ipc';
import { appPages, createAppWindow, hardenSession } from './window/create-window';

/** Electron composition root: one instance, hardened windows (one per workspace opened), the shared core behind IPC. */
const outDir = resolve(import.meta.dirname, '..');
// Chromium owns `--no-sandbox`, so the launcher passes the embedded-sandbox choice in the environment.
const sandbox = process.env.HANGAR_SANDBOX !== 'off';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => {
      if (!navigation.url.startsWith('file://') && !process.env.ELECTRON_RENDERER_URL)
        navigation.preventDefault();
    });
  });
  void app.whenReady().then(async () => {
    const core = await createHangarCore({
      dataDir: process.env.HANGAR_DATA_DIR ?? join(app.getPath('userData'), 'data'),
      transport: 'electron',
      sandbox,
    });
    hardenSession();
    const pages = appPages(outDir, process.env.ELECTRON_RENDERER_URL);
    const ipc = new ElectronIpc(core.dispatcher, core.bus, pages.isOwnUrl);
    const openWindow = (url: string): BrowserWindow => {
      const window = createAppWindow(outDir, pages, url, openWindow);
      ipc.attach(window);
      return window;
    };
    const first = openWindow(pages.entry());
    app.on('second-instance', () => {
      if (first.isDestroyed()) return void openWindow(pages.entry());
      if (first.isMinimized()) first.restore();
      first.focus();
    });
    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', (event) => {
      event.preventDefault();
      ipc.dispose();
      void core.dispose().finally(() => app.exit(0));
    });
  });
}
