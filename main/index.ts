import { app } from 'electron';
import { join, resolve } from 'node:path';
import { createHangarCore } from './app/hangar-core';
import { registerElectronIpc } from './ipc/electron-ipc';
import { createMainWindow } from './window/create-window';

/** Electron composition root: one instance, one hardened window, the shared core behind IPC. */
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
    const { window, isOwnUrl } = createMainWindow(outDir, process.env.ELECTRON_RENDERER_URL);
    const unregister = registerElectronIpc(core.dispatcher, core.bus, window, isOwnUrl);
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', (event) => {
      event.preventDefault();
      unregister();
      void core.dispose().finally(() => app.exit(0));
    });
  });
}
