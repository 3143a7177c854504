import type { Account } from '@contract/index';

interface SyncOfferProps {
  accounts: Account[];
  syncing: boolean;
  onSync: () => void;
  onLater: () => void;
}

/** After adding or importing accounts: their images are not cached yet, so offer to sync them. */
export function SyncOffer({ accounts, syncing, onSync, onLater }: SyncOfferProps) {
  const [first] = accounts;
  return (
    <div className="offer" role="status">
      {accounts.length === 1 && first ? (
        <p>
          Added <strong>{first.name}</strong>. Sync it now to cache its images.
        </p>
      ) : (
        <p>
          Imported <strong>{accounts.map((a) => a.name).join(', ')}</strong>. Sync them now to cache their
          images.
        </p>
      )}
      <div className="offer-actions">
        <button type="button" className="button-primary" disabled={syncing} onClick={onSync}>
          Sync now
        </button>
        <button type="button" className="button-quiet" onClick={onLater}>
          Later
        </button>
      </div>
    </div>
  );
}
