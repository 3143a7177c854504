import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../host/security-headers';

export interface AppWindow {
  window: BrowserWindow;
  isOwnUrl(url: string): boolean;
}

/** The main window, locked down: sandboxed, isolated, no Node, strict CSP, no navigation or pop-ups. */
export function createMainWindow(outDir: string, devServerUrl: string | undefined): AppWindow {
  const rendererEntry = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
  const isOwnUrl = (url: string): boolean =>
    devServerUrl ? url.startsWith(devServerUrl) : url.split(/[?#]/)[0] === rendererEntry;

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });

  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Hangar',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser; nothing opens inside Hangar.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());

  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(rendererEntry);
  return { window, isOwnUrl };
}
