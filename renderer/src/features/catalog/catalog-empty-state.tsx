import { formatCount } from '../../lib/format';

interface CatalogEmptyStateProps {
  hasAccounts: boolean;
  catalogSize: number;
  syncing: boolean;
  onAddAccount: () => void;
  onSyncAll: () => void;
  onClearFilters: () => void;
}

/** An empty table always says why it is empty and offers the next step. */
export function CatalogEmptyState(props: CatalogEmptyStateProps) {
  const { hasAccounts, catalogSize, syncing, onAddAccount, onSyncAll, onClearFilters } = props;
  if (!hasAccounts) {
    return (
      <div className="empty-state">
        <h2>No accounts yet</h2>
        <p>
          Add an AWS account to start building a catalog of its machine images, or a Google Cloud, Azure,
          OpenStack or VMware one.
        </p>
        <button type="button" className="button-primary" onClick={onAddAccount}>
          Add an account
        </button>
      </div>
    );
  }
  if (catalogSize === 0) {
    return (
      <div className="empty-state">
        <h2>Nothing cached yet</h2>
        <p>
          {syncing
            ? 'A sync is running: images appear here as it finishes each source.'
            : 'Sync your accounts to fetch their images.'}
        </p>
        {!syncing && (
          <button type="button" className="button-primary" onClick={onSyncAll}>
            Sync every account
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>No images match</h2>
      <p>None of the {formatCount(catalogSize)} cached images match this search and these filters.</p>
      <button type="button" className="button-primary" onClick={onClearFilters}>
        Clear filters
      </button>
    </div>
  );
}
