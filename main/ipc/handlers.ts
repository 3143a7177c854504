import type { AppInfo } from '@contract/index';
import type { ChannelHandlers } from './dispatcher';
import type { AccountService } from '../services/account-service';
import type { CatalogIndex } from '../services/catalog-index';
import type { SyncService } from '../services/sync-service';
import type { ImportService } from '../services/import-service';

export interface HandlerServices {
  appInfo: () => Promise<AppInfo>;
  accounts: AccountService;
  catalog: CatalogIndex;
  sync: SyncService;
  imports: ImportService;
}

/** Channel → service call. Nothing else belongs here: validation is the dispatcher's, logic the services'. */
export function createHandlers({
  appInfo,
  accounts,
  catalog,
  sync,
  imports,
}: HandlerServices): ChannelHandlers {
  return {
    'app:info': () => appInfo(),
    'accounts:list': () => accounts.list(),
    'accounts:add': (request) => accounts.add(request),
    'accounts:remove': ({ accountId }) => accounts.remove(accountId),
    'accounts:test': (request) => accounts.test(request),
    'accounts:discover': (request) => imports.discover(request),
    'accounts:import': (request) => imports.import(request),
    'catalog:query': async (query) => catalog.query(query),
    'catalog:get': async ({ key }) => catalog.detail(key),
    'catalog:facets': async (request) => catalog.facets(request),
    'catalog:timeline': async (request) => catalog.timeline(request),
    'catalog:export': async (request) => catalog.export(request),
    'catalog:sources': async () => catalog.sources(),
    'sync:start': async (request) => sync.start(request),
    'sync:cancel': async ({ operationId }) => sync.cancel(operationId),
    'sync:status': async () => sync.status(),
  };
}
