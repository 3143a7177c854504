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
import type { RegistryServices } from '../services/registry';
import type { LaunchServices } from '../services/launch';

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
  registry: RegistryServices;
  launch: LaunchServices;
}

/** Channel → service call. Nothing else belongs here: validation is the dispatcher's, logic the services'. */
export function createHandlers(services: HandlerServices): ChannelHandlers {
  const { appInfo, accounts, workspaces, transfer, lock, removal, catalogs, sync, imports } = services;
  const { records, lookup, templates, drift, replacements, registryTransfer } = services.registry;
  const { launches, operations, lifecycle, imgapi } = services.launch;
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
    'registry:list': async (request) => records.list(request),
    'registry:get': async ({ workspaceId, recordId }) => records.get(workspaceId, recordId),
    'registry:lookup': (request) => lookup.lookup(request),
    'registry:templates': (request) => templates.list(request),
    'registry:register': (request) => records.register(request),
    'registry:update': (request) => records.update(request),
    'registry:bulk-tag': (request) => records.bulkTag(request),
    'registry:remove-mapping': (request) => records.removeMapping(request),
    'registry:delete': ({ workspaceId, recordId }) => records.delete(workspaceId, recordId),
    'registry:drift-check': (request) => drift.check(request),
    'registry:drift-report': async ({ workspaceId }) => drift.report(workspaceId),
    'registry:find-replacement': async ({ workspaceId, recordId, mappingId }) =>
      replacements.find(workspaceId, records.mapping(workspaceId, recordId, mappingId)),
    'registry:export': async ({ workspaceId, recordIds }) => registryTransfer.export(workspaceId, recordIds),
    'registry:import': (request) => registryTransfer.import(request),
    'launch:options': (request) => launches.options(request),
    'launch:placements': ({ workspaceId, accountId }) => launches.placements(workspaceId, accountId),
    'launch:security-groups': (request) => launches.securityGroups(request),
    'launch:create-security-group': (request) => launches.createSecurityGroup(request),
    'launch:create-key-pair': (request) => launches.createKeyPair(request),
    'launch:import-key-pair': (request) => launches.importKeyPair(request),
    'launch:preview': (request) => launches.preview(request),
    'launch:start': (request) => launches.start(request),
    'launch:history': async ({ workspaceId }) => launches.history(workspaceId),
    'launch:terminate': ({ workspaceId, launchId }) => launches.terminate(workspaceId, launchId),
    'operations:list': async ({ workspaceId }) => operations.list(workspaceId),
    'operations:cancel': async ({ operationId }) => operations.cancel(operationId),
    'lifecycle:capabilities': ({ workspaceId, accountId }) => lifecycle.capabilities(workspaceId, accountId),
    'lifecycle:capture': (request) => lifecycle.capture(request),
    'lifecycle:copy': (request) => lifecycle.copy(request),
    'lifecycle:deprecate': (request) => lifecycle.deprecate(request),
    'lifecycle:delete': (request) => lifecycle.delete(request),
    'imgapi:list': ({ url }) => imgapi.list(url),
    'imgapi:import': (request) => imgapi.start(request),
  };
}
