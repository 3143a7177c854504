import type { AppInfo } from '@contract/index';
import type { ChannelHandlers } from './dispatcher';
import type { AccountService } from '../services/account-service';
import type { CatalogScopes } from '../services/catalog-scopes';
import type { WorkspaceService } from '../services/workspace-service';
import type { WorkspaceTransfer } from '../services/workspace-transfer';
import type { WorkspaceRemoval } from '../services/workspace-removal';
import type { LockService } from '../services/lock-service';
import type { SyncService } from '../services/sync-service';
import type { ImportService } from '../services/import-service';

export interface HandlerServices {
  appInfo: () => Promise<AppInfo>;
  accounts: AccountService;
  workspaces: WorkspaceService;
  transfer: WorkspaceTransfer;
  lock: LockService;
  removal: WorkspaceRemoval;
  catalogs: CatalogScopes;
  sync: SyncService;
  imports: ImportService;
}

/** Channel → service call. Nothing else belongs here: validation is the dispatcher's, logic the services'. */
export function createHandlers(services: HandlerServices): ChannelHandlers {
  const { appInfo, accounts, workspaces, transfer, lock, removal, catalogs, sync, imports } = services;
  return {
    'app:info': () => appInfo(),
    'app:lock': () => lock.lock(),
    'workspaces:list': async () => workspaces.list(),
    'workspaces:create': (request) => workspaces.create(request),
    'workspaces:update': (request) => workspaces.update(request),
    'workspaces:remove': (request) => removal.remove(request),
    'workspaces:export': async ({ workspaceId }) => transfer.export(workspaceId),
    'workspaces:import': ({ content }) => transfer.import(content),
    'accounts:list': ({ workspaceId }) => accounts.list(workspaceId),
    'accounts:set-secret': (request) => accounts.setSecret(request),
    'accounts:add': (request) => accounts.add(request),
    'accounts:remove': ({ accountId }) => accounts.remove(accountId),
    'accounts:test': (request) => accounts.test(request),
    'accounts:discover': (request) => imports.discover(request),
    'accounts:import': (request) => imports.import(request),
    'catalog:query': async (query) => catalogs.of(query.workspaceId).query(query),
    'catalog:get': ({ workspaceId, key }) => catalogs.of(workspaceId).detail(key),
    'catalog:facets': async (request) => catalogs.of(request.workspaceId).facets(request),
    'catalog:timeline': async (request) => catalogs.of(request.workspaceId).timeline(request),
    'catalog:export': async (request) => catalogs.of(request.workspaceId).export(request),
    'catalog:sources': async ({ workspaceId }) => catalogs.of(workspaceId).sources(),
    'sync:start': async (request) => sync.start(request),
    'sync:cancel': async ({ operationId }) => sync.cancel(operationId),
    'sync:status': async ({ workspaceId }) => sync.status(workspaceId),
  };
}
