import type { ImageDetail } from '@contract/index';
import { useImageDetail } from '../../api/queries';
import { CloudBadge } from '../../components/cloud-badge';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/relative-time';
import { CLOUD_LABEL } from '../../lib/clouds';
import { formatDateTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { CatalogImageActions } from '../lifecycle/image-actions-entry';
import { RegisterImageButton } from '../registry/register-image-button';
import { LaunchButton } from '../launch/launch-button';
import { osLabel } from './catalog-columns';
import { CopyIdButton } from './copy-id-button';
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
        <h2 className="details-title">
          {detail.data && <CloudBadge cloud={detail.data.cloud} />}{' '}
          {detail.data?.name || detail.data?.cloudId || 'Image'}
        </h2>
        {detail.data && <RegisterImageButton image={detail.data} />}
        {detail.data && (
          <LaunchButton
            source={{
              kind: 'image',
              accountId: detail.data.accountId,
              location: detail.data.location,
              imageId: detail.data.cloudId,
              name: detail.data.name,
            }}
          />
        )}
        {detail.data && <CopyIdButton id={detail.data.cloudId} />}
        {detail.data && <CatalogImageActions image={detail.data} />}
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

function deprecationText(image: ImageDetail, now: number): string {
  const status = image.deprecated ? 'past' : deprecationStatus(image.deprecatesAt, now);
  const when = image.deprecatesAt
    ? `${formatDateTime(image.deprecatesAt)} (${DEPRECATION_HINT[status].toLowerCase()})`
    : null;
  const state = image.deprecationState ?? (image.deprecated ? 'deprecated' : null);
  return [state, when].filter(Boolean).join(' · ') || '—';
}

function KeyValues({ rows, label }: { rows: [string, string][]; label?: string }) {
  return (
    <dl className="kv" aria-label={label}>
      {rows.map(([key, value]) => (
        <div key={key} className="kv-row">
          <dt>{key}</dt>
          <dd className={key === 'Image id' ? 'mono selectable' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DetailBody({ image }: { image: ImageDetail }) {
  const now = useNow();
  const summary: [string, string][] = [
    ['Image id', image.cloudId],
    ['Name', image.name || '—'],
    ['Description', image.description || '—'],
    ['Cloud', CLOUD_LABEL[image.cloud]],
    ['Account', image.accountName],
    ['Region', image.location],
    ['Owner', image.ownerAlias ? `${image.ownerAlias} (${image.ownerId})` : image.ownerId],
    ['Family', image.family ?? '—'],
    ['OS', osLabel(image)],
    ['OS (as the cloud says)', image.osRaw ?? '—'],
    ['Architecture', image.architecture],
    ['Size', image.sizeGb === null ? '—' : `${image.sizeGb} GB`],
    ['Visibility', image.visibility ?? (image.public ? 'public' : 'private')],
    ['Created', formatDateTime(image.createdAt)],
    ['Deprecation', deprecationText(image, now)],
    ['Replacement', image.replacement ?? '—'],
    ['State', image.state],
  ];
  const tags = Object.entries(image.tags).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="details-body">
      <KeyValues rows={summary} />

      <h3>Source</h3>
      <p className="details-source">
        {image.sourceSyncedAt ? <RelativeTime iso={image.sourceSyncedAt} prefix="Synced" /> : 'Never synced'}
        {image.sourceStale && <span className="badge badge-warning">stale</span>}
      </p>

      <h3>Tags</h3>
      {tags.length === 0 ? <p className="muted">No tags.</p> : <KeyValues rows={tags} label="Tags" />}

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
