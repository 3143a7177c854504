import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../host/security-headers';

export interface AppPages {
  /** The renderer's entry, optionally with a query such as `?workspace=ID`. */
  entry(search?: string): string;
  isOwnUrl(url: string): boolean;
}

export function appPages(outDir: string, devServerUrl: string | undefined): AppPages {
  const rendererEntry = devServerUrl ?? pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
  return {
    entry: (search = '') => `${rendererEntry}${search}`,
    isOwnUrl: (url) => (devServerUrl ? url.startsWith(devServerUrl) : url.split(/[?#]/)[0] === rendererEntry),
  };
}

/** Session-wide rules, once: deny every permission, and send our CSP with every response. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/**
 * An app window, locked down: sandboxed, isolated, no Node, strict CSP, no navigation away. A page
 * asking to open our own app (another workspace side by side) gets a new window like this one;
 * https links open in the user's browser; nothing else opens.
 */
export function createAppWindow(
  outDir: string,
  pages: AppPages,
  url: string,
  onOpenOwnWindow: (url: string) => void,
): BrowserWindow {
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

  window.webContents.on('will-navigate', (event, target) => {
    if (!pages.isOwnUrl(target)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url: target }) => {
    if (pages.isOwnUrl(target)) onOpenOwnWindow(target);
    else if (target.startsWith('https://')) void shell.openExternal(target);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
