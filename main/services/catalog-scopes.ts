import type { AppStateStore } from '../stores/app-state';
import type { CatalogShardStore } from '../stores/catalog-shard-store';
import { CatalogIndex } from './catalog-index';
import type { Clock } from './clock';
import type { WorkspaceService } from './workspace-service';

/**
 * One catalog index per workspace, each built only from that workspace's sources: isolation by
 * construction, so no query, facet, timeline, export or detail can return another client's image.
 * All indexes read the same shard store; writes go through the store and each index notices.
 */
export class CatalogScopes {
  private readonly indexes = new Map<string, CatalogIndex>();

  constructor(
    private readonly state: AppStateStore,
    private readonly shards: CatalogShardStore,
    private readonly clock: Clock,
    private readonly workspaces: WorkspaceService,
  ) {}

  of(workspaceId: string): CatalogIndex {
    this.workspaces.require(workspaceId);
    let index = this.indexes.get(workspaceId);
    if (!index) {
      const belongs = (accountId: string): boolean =>
        this.state.data.accounts.some(
          (account) => account.id === accountId && account.workspaceId === workspaceId,
        );
      index = new CatalogIndex(this.state, this.shards, this.clock, (source) => belongs(source.accountId));
      this.indexes.set(workspaceId, index);
    }
    return index;
  }

  forget(workspaceId: string): void {
    this.indexes.delete(workspaceId);
  }
}
