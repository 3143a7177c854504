const SOON_MS = 30 * 24 * 60 * 60 * 1000;

export type DeprecationStatus = 'none' | 'future' | 'soon' | 'past';

/** Past dates mean the image is already deprecated; "soon" is within 30 days, worth a warning. */
export function deprecationStatus(deprecatesAt: string | null, now: number): DeprecationStatus {
  if (!deprecatesAt) return 'none';
  const at = new Date(deprecatesAt).getTime();
  if (Number.isNaN(at)) return 'none';
  if (at <= now) return 'past';
  return at - now <= SOON_MS ? 'soon' : 'future';
}

export const DEPRECATION_HINT: Record<DeprecationStatus, string> = {
  none: 'No deprecation date',
  future: 'Deprecation date',
  soon: 'Deprecated within 30 days',
  past: 'Already deprecated',
};
