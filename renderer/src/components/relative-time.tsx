import { formatDateTime, formatRelative } from '../lib/format';
import { useNow } from '../lib/use-now';

interface RelativeTimeProps {
  iso: string;
  /** Words before the relative time, e.g. "synced". */
  prefix?: string;
}

/** "synced 5 min ago", with the absolute time on hover. */
export function RelativeTime({ iso, prefix }: RelativeTimeProps) {
  const now = useNow();
  const absolute = formatDateTime(iso);
  return (
    <time dateTime={iso} title={absolute}>
      {prefix ? `${prefix} ` : ''}
      {formatRelative(iso, now)}
    </time>
  );
}
