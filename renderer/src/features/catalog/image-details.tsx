import { useState } from 'react';
import type { ImageDetail } from '@contract/index';
import { useImageDetail } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/relative-time';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { osLabel } from './catalog-columns';
import { DEPRECATION_HINT, deprecationStatus } from './deprecation';

interface ImageDetailsProps {
  imageKey: string;
  onClose: () => void;
}

/** Everything known about one image, ending with the cloud's own object. */
export function ImageDetails({ imageKey, onClose }: ImageDetailsProps) {
  const detail = useImageDetail(imageKey);
  return (
    <aside className="details" role="region" aria-label="Image details">
      <div className="details-head">
        <h2 className="details-title">{detail.data?.name || detail.data?.cloudId || 'Image'}</h2>
        {detail.data && <CopyIdButton id={detail.data.cloudId} />}
        <button type="button" className="button-quiet" onClick={onClose}>
          Close details
        </button>
      </div>
      {detail.isPending && <p className="muted">Loading…</p>}
      {detail.isError && <ErrorMessage error={detail.error} context="Could not load this image" />}
      {detail.data && <DetailBody image={detail.data} />}
    </aside>
  );
}

function CopyIdButton({ id }: { id: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy id
      </button>
      <span className="copy-status" role="status">
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the id below' : ''}
      </span>
    </>
  );
}

function DetailBody({ image }: { image: ImageDetail }) {
  const now = useNow();
  const status = image.deprecated ? 'past' : deprecationStatus(image.deprecatesAt, now);
  const summary: [string, string][] = [
    ['Image id', image.cloudId],
    ['Name', image.name || '—'],
    ['Description', image.description || '—'],
    ['Account', image.accountName],
    ['Cloud', image.cloud],
    ['Region', image.location],
    ['Owner', image.ownerAlias ? `${image.ownerAlias} (${image.ownerId})` : image.ownerId],
    ['OS', osLabel(image)],
    ['Architecture', image.architecture],
    ['Created', formatDateTime(image.createdAt)],
    [
      'Deprecation',
      image.deprecatesAt
        ? `${formatDateTime(image.deprecatesAt)} (${DEPRECATION_HINT[status].toLowerCase()})`
        : '—',
    ],
    ['Deprecated', image.deprecated ? 'yes' : 'no'],
    ['State', image.state],
    ['Public', image.public ? 'yes' : 'no'],
  ];
  return (
    <div className="details-body">
      <dl className="kv">
        {summary.map(([label, value]) => (
          <div key={label} className="kv-row">
            <dt>{label}</dt>
            <dd className={label === 'Image id' ? 'mono selectable' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>

      <h3>Source</h3>
      <p className="details-source">
        {image.sourceSyncedAt ? <RelativeTime iso={image.sourceSyncedAt} prefix="Synced" /> : 'Never synced'}
        {image.sourceStale && <span className="badge badge-warning">stale</span>}
      </p>

      {image.fields.length > 0 && (
        <>
          <h3>Cloud fields</h3>
          <dl className="kv">
            {image.fields.map((field, index) => (
              <div key={`${field.label}-${index}`} className="kv-row">
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <h3 id="raw-object-heading">Raw cloud object</h3>
      <pre className="raw-json" tabIndex={0} aria-labelledby="raw-object-heading">
        {JSON.stringify(image.raw, null, 2)}
      </pre>
    </div>
  );
}
