import type { AccountService } from './account-service';
import type { CatalogScopes } from './catalog-scopes';
import type { WorkspaceService } from './workspace-service';

/**
 * Removing a workspace takes its accounts along (each with its keychain entry and cached sources),
 * then the workspace and its catalog index. Its own service because it spans three others.
 */
export class WorkspaceRemoval {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly accounts: AccountService,
    private readonly catalogs: CatalogScopes,
  ) {}

  async remove(request: {
    workspaceId: string;
    removeAccounts: boolean;
  }): Promise<{ removed: boolean; accountsRemoved: number }> {
    this.workspaces.assertRemovable(request);
    const owned = [...this.workspaces.accountIdsOf(request.workspaceId)];
    for (const accountId of owned) await this.accounts.remove(accountId);
    await this.workspaces.remove(request.workspaceId);
    this.catalogs.forget(request.workspaceId);
    return { removed: true, accountsRemoved: owned.length };
  }
}
