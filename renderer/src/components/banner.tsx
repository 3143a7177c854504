import type { ReactNode } from 'react';

interface BannerProps {
  level: 'info' | 'warning' | 'error';
  children: ReactNode;
  /** Shown as a "Dismiss" button when given. */
  onDismiss?: () => void;
}

/** A full-width strip under the header for things the user must know about. */
export function Banner({ level, children, onDismiss }: BannerProps) {
  return (
    <div className={`banner banner-${level}`} role={level === 'error' ? 'alert' : 'status'}>
      <div className="banner-text">{children}</div>
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
