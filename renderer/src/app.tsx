import { Fragment, useCallback, useEffect } from 'react';
import { useTransportStatus } from './api/api-context';
import { UNAUTHORIZED_MESSAGE } from './api/transport-error';
import { useAppInfo } from './api/queries';
import { WorkspaceScope } from './api/workspace-scope';
import { AppHeader } from './components/app-header';
import { APP_SHELL_ID } from './components/dialog';
import { ErrorMessage } from './components/error-message';
import { NoticeBanners } from './components/notice-banners';
import { AccountsPanel } from './features/accounts/accounts-panel';
import { CatalogBrowser } from './features/catalog/catalog-browser';
import { SourcesSidebar } from './features/sync/sources-sidebar';
import { SyncProvider } from './features/sync/sync-context';
import { AppActionsProvider, useAppActions } from './features/workspaces/app-actions';
import { AppDialogs } from './features/workspaces/app-dialogs';
import { useWorkspaces, WorkspaceProvider } from './features/workspaces/workspace-context';
import { WorkspacesPanel } from './features/workspaces/workspaces-panel';
import { markReady } from './ready-signal';
import { useLiveCatalog } from './use-live-catalog';
import { WorkspaceViews } from './workspace-views';

/** The window: header and banners on top, workspaces, accounts and sources on the left, catalog | registry | drift on the right. */
export function App() {
  const { unauthorized } = useTransportStatus();
  useLiveCatalog();

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
    <WorkspaceProvider>
      <AppActionsProvider>
        <AppShell />
        <AppDialogs />
      </AppActionsProvider>
    </WorkspaceProvider>
  );
}

function AppShell() {
  const info = useAppInfo();
  const { current } = useWorkspaces();
  useEffect(() => {
    if (info.isSuccess) markReady('info');
  }, [info.isSuccess]);

  return (
    <div id={APP_SHELL_ID} className="app">
      <AppHeader info={info.data} />
      <NoticeBanners info={info.data} />
      {info.isError && <ErrorMessage error={info.error} context="Could not reach Hangar" />}
      {current ? (
        <WorkspaceScope workspaceId={current.id}>
          <SyncProvider>
            <WorkspaceLayout />
          </SyncProvider>
        </WorkspaceScope>
      ) : (
        <div className="workspace">
          <aside className="sidebar">
            <WorkspacesPanel />
          </aside>
          <main className="content">
            <p className="opening muted" role="status">
              Opening the workspace…
            </p>
          </main>
        </div>
      )}
    </div>
  );
}

/**
 * What one workspace shows. Every view holding workspace data is keyed by the workspace: a switch
 * mounts fresh ones (selection, details, filters and dialogs start over) whose queries name the
 * new workspace, so nothing of the previous client is rendered meanwhile.
 */
function WorkspaceLayout() {
  const { current } = useWorkspaces();
  const { dialog, openDialog, closeDialog } = useAppActions();
  const onFirstPage = useCallback(() => markReady('catalog'), []);
  const openAdd = useCallback(() => openDialog({ kind: 'add-account' }), [openDialog]);
  const key = current?.id ?? '';
  return (
    <div className="workspace">
      <aside className="sidebar">
        <WorkspacesPanel />
        <Fragment key={key}>
          <AccountsPanel
            workspace={current}
            adding={dialog?.kind === 'add-account'}
            importing={dialog?.kind === 'import-machine'}
            onAdd={openAdd}
            onImport={() => openDialog({ kind: 'import-machine' })}
            onCloseDialog={closeDialog}
          />
          <SourcesSidebar />
        </Fragment>
      </aside>
      <main className="content">
        <WorkspaceViews
          key={key}
          catalog={<CatalogBrowser onAddAccount={openAdd} onFirstPage={onFirstPage} />}
        />
      </main>
    </div>
  );
}
