import type { AppInfo } from '@contract/index';
import type { ChannelHandlers } from './dispatcher';
import type { AccountService } from '../services/account-service';
import type { CatalogIndex } from '../services/catalog-index';
import type { SyncService } from '../services/sync-service';
import { runCatalogQuery } from '../services/catalog-query';

export interface HandlerServices {
  appInfo: () => Promise<AppInfo>;
  accounts: AccountService;
  catalog: CatalogIndex;
  sync: SyncService;
}

/** Channel → service call. Nothing else belongs here: validation is the dispatcher's, logic the services'. */
export function createHandlers({ appInfo, accounts, catalog, sync }: HandlerServices): ChannelHandlers {
  return {
    'app:info': () => appInfo(),
    'accounts:list': () => accounts.list(),
    'accounts:add-aws': (request) => accounts.addAws(request),
    'accounts:remove': ({ accountId }) => accounts.remove(accountId),
    'accounts:test': (request) => accounts.test(request),
    'catalog:query': async (query) => runCatalogQuery(catalog.rows(), query),
    'catalog:get': async ({ key }) => catalog.detail(key),
    'catalog:facets': async () => catalog.facets(),
    'catalog:sources': async () => catalog.sources(),
    'sync:start': async (request) => sync.start(request),
    'sync:cancel': async ({ operationId }) => sync.cancel(operationId),
    'sync:status': async () => sync.status(),
  };
}
