import { useEffect, useState } from 'react';
import type { AppInfo, Notice } from '@contract/index';
import { useApi } from '../api/api-context';
import { Banner } from './banner';

/** The keychain warning (persistent) and notices from start-up or live `app:notice` events (dismissible). */
export function NoticeBanners({ info }: { info: AppInfo | undefined }) {
  const api = useApi();
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
          {keychain.message ?? 'New accounts can keep their secret for this session only.'}
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
