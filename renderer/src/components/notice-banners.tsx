import { useEffect, useState } from 'react';
import type { AppInfo, Notice } from '@contract/index';
import { useApi } from '../api/api-context';
import { useAppActions } from '../features/workspaces/app-actions';
import { useWorkspaces } from '../features/workspaces/workspace-context';
import { Banner } from './banner';

/**
 * The keychain warning (persistent), what the window's last action did (lock, export), and notices
 * from start-up or live `app:notice` events (dismissible).
 */
export function NoticeBanners({ info }: { info: AppInfo | undefined }) {
  const api = useApi();
  const { note, dismissNote } = useAppActions();
  const { notice: workspaceNotice, dismissNotice } = useWorkspaces();
  const [live, setLive] = useState<Notice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  useEffect(
    () =>
      api.on('app:notice', (notice) =>
        setLive((current) => [...current.filter((n) => n.id !== notice.id), notice]),
      ),
    [api],
  );

  const startup = info?.notices ?? [];
  const notices = [...startup, ...live.filter((n) => !startup.some((s) => s.id === n.id))].filter(
    (n) => !dismissed.has(n.id),
  );
  const keychain = info?.keychain;

  return (
    <div className="banners">
      {keychain && !keychain.available && (
        <Banner level="warning">
          <strong>The OS keychain is unavailable.</strong>{' '}
          {keychain.message ??
            'Start a Secret Service (for example gnome-keyring or KeePassXC) and unlock it, then restart Hangar.'}{' '}
          Meanwhile choose <em>This session only</em> when adding an account or setting a secret: it is kept
          in memory until Hangar quits or you lock it.
        </Banner>
      )}
      {workspaceNotice && (
        <Banner level="info" onDismiss={dismissNotice}>
          {workspaceNotice}
        </Banner>
      )}
      {note && (
        <Banner level={note.level} onDismiss={dismissNote}>
          {note.text}
        </Banner>
      )}
      {notices.map((notice) => (
        <Banner
          key={notice.id}
          level={notice.level}
          onDismiss={() => setDismissed((d) => new Set(d).add(notice.id))}
        >
          {notice.message}
        </Banner>
      ))}
    </div>
  );
}
