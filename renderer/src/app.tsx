import { useCallback, useEffect, useState } from 'react';
import { useTransportStatus } from './api/api-context';
import { UNAUTHORIZED_MESSAGE } from './api/transport-error';
import { useAppInfo } from './api/queries';
import { AppHeader } from './components/app-header';
import { APP_SHELL_ID } from './components/dialog';
import { ErrorMessage } from './components/error-message';
import { NoticeBanners } from './components/notice-banners';
import { AccountsPanel } from './features/accounts/accounts-panel';
import { CatalogBrowser } from './features/catalog/catalog-browser';
import { SourcesSidebar } from './features/sync/sources-sidebar';
import { SyncProvider } from './features/sync/sync-context';
import { markReady } from './ready-signal';
import { useLiveCatalog } from './use-live-catalog';

/** The window: header and banners on top, accounts and sources on the left, the catalog on the right. */
export function App() {
  const { unauthorized } = useTransportStatus();
  const info = useAppInfo();
  const [adding, setAdding] = useState(false);
  useLiveCatalog();

  useEffect(() => {
    if (info.isSuccess) markReady('info');
  }, [info.isSuccess]);
  const onFirstPage = useCallback(() => markReady('catalog'), []);
  const openAdd = useCallback(() => setAdding(true), []);
  const closeAdd = useCallback(() => setAdding(false), []);

  if (unauthorized) {
    return (
      <main className="blocked" role="alert">
        <h1>Hangar</h1>
        <p>{UNAUTHORIZED_MESSAGE}</p>
        <p className="muted">
          For safety the browser host only answers pages opened with the one-time address it prints in its
          terminal, like http://127.0.0.1:PORT/?token=…
        </p>
      </main>
    );
  }

  return (
    <SyncProvider>
      <div id={APP_SHELL_ID} className="app">
        <AppHeader info={info.data} />
        <NoticeBanners info={info.data} />
        {info.isError && <ErrorMessage error={info.error} context="Could not reach Hangar" />}
        <div className="workspace">
          <aside className="sidebar">
            <AccountsPanel adding={adding} onAdd={openAdd} onCloseAdd={closeAdd} />
            <SourcesSidebar />
          </aside>
          <main className="content">
            <CatalogBrowser onAddAccount={openAdd} onFirstPage={onFirstPage} />
          </main>
        </div>
      </div>
    </SyncProvider>
  );
}
