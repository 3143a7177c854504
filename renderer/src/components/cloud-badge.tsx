import type { Cloud } from '@contract/index';
import { CLOUD_LABEL, CLOUD_SHORT } from '../lib/clouds';

/** Which cloud a row or account belongs to, as a small coloured badge (colour is never the only cue). */
export function CloudBadge({ cloud }: { cloud: Cloud }) {
  return (
    <span className={`cloud-badge cloud-${cloud}`} title={CLOUD_LABEL[cloud]}>
      {CLOUD_SHORT[cloud]}
    </span>
  );
}
