import type { ReactNode } from 'react';
import type { ImageSummary, SortColumn } from '@contract/index';
import { CloudBadge } from '../../components/cloud-badge';
import { formatDateTime, formatDay } from '../../lib/format';
import { CopyIdButton } from './copy-id-button';
import { DEPRECATION_HINT, deprecationStatus } from './deprecation';

export interface CatalogColumn {
  id: string;
  label: string;
  /** The contract column to sort by; absent where main cannot sort (the header is plain text). */
  sort?: SortColumn;
  /** A CSS grid track: the grid template is assembled from the visible columns. */
  track: string;
  /** Its minimum width in px, for the horizontal scroll width. */
  minWidth: number;
  className?: string;
  render: (row: ImageSummary, now: number) => ReactNode;
}

export const osLabel = (row: ImageSummary) =>
  row.osVersion ? `${row.osFamily} ${row.osVersion}` : row.osFamily;
export const ownerLabel = (row: ImageSummary) => row.ownerAlias ?? row.ownerId;

function DeprecationCell({ row, now }: { row: ImageSummary; now: number }) {
  const status = row.deprecated ? 'past' : deprecationStatus(row.deprecatesAt, now);
  if (!row.deprecatesAt) return row.deprecated ? <span className="deprecation-past">deprecated</span> : '—';
  const state = row.deprecationState ? ` (${row.deprecationState})` : '';
  return (
    <span
      className={`deprecation-${status}`}
      title={`${DEPRECATION_HINT[status]}: ${formatDateTime(row.deprecatesAt)}${state}`}
    >
      {formatDay(row.deprecatesAt)}
    </span>
  );
}

const fixed = (px: number) => ({ track: `${px}px`, minWidth: px });

/** Every column the table can show; the column chooser picks which. */
export const ALL_COLUMNS: CatalogColumn[] = [
  {
    id: 'cloud',
    label: 'Cloud',
    sort: 'cloud',
    ...fixed(78),
    render: (row) => <CloudBadge cloud={row.cloud} />,
  },
  {
    id: 'name',
    label: 'Name',
    sort: 'name',
    track: 'minmax(200px, 2fr)',
    minWidth: 200,
    render: (row) => <span title={row.description || row.name}>{row.name || '(no name)'}</span>,
  },
  {
    id: 'id',
    label: 'ID',
    sort: 'cloudId',
    track: 'minmax(172px, 1fr)',
    minWidth: 172,
    className: 'col-id',
    render: (row) => (
      <>
        <span className="mono cell-text" title={row.cloudId}>
          {row.cloudId}
        </span>
        <CopyIdButton id={row.cloudId} compact />
      </>
    ),
  },
  { id: 'family', label: 'Family', sort: 'family', ...fixed(150), render: (row) => row.family ?? '—' },
  { id: 'account', label: 'Account', ...fixed(130), render: (row) => row.accountName },
  {
    id: 'owner',
    label: 'Owner',
    sort: 'ownerId',
    ...fixed(122),
    render: (row) => <span title={row.ownerId}>{ownerLabel(row)}</span>,
  },
  { id: 'region', label: 'Region', sort: 'location', ...fixed(118), render: (row) => row.location },
  {
    id: 'os',
    label: 'OS',
    sort: 'osFamily',
    ...fixed(120),
    render: (row) => <span title={row.osRaw ?? undefined}>{osLabel(row)}</span>,
  },
  {
    id: 'arch',
    label: 'Architecture',
    sort: 'architecture',
    ...fixed(104),
    render: (row) => row.architecture,
  },
  {
    id: 'visibility',
    label: 'Visibility',
    sort: 'visibility',
    ...fixed(90),
    render: (row) => row.visibility ?? (row.public ? 'public' : 'private'),
  },
  {
    id: 'size',
    label: 'Size',
    ...fixed(70),
    className: 'col-number',
    render: (row) => (row.sizeGb === null ? '—' : `${row.sizeGb} GB`),
  },
  {
    id: 'created',
    label: 'Created',
    sort: 'createdAt',
    ...fixed(98),
    className: 'col-date',
    render: (row) => <span title={formatDateTime(row.createdAt)}>{formatDay(row.createdAt)}</span>,
  },
  {
    id: 'deprecation',
    label: 'Deprecation',
    sort: 'deprecatesAt',
    ...fixed(104),
    className: 'col-date',
    render: (row, now) => <DeprecationCell row={row} now={now} />,
  },
  { id: 'state', label: 'State', sort: 'state', ...fixed(84), render: (row) => row.state },
];

/** What a first-time user sees: what the AWS-only table showed, plus the cloud. */
export const DEFAULT_COLUMN_IDS = [
  'cloud',
  'name',
  'id',
  'owner',
  'region',
  'os',
  'arch',
  'created',
  'deprecation',
  'state',
];

/** Name is the row's identity, so it cannot be hidden. */
export const REQUIRED_COLUMN_ID = 'name';

export function visibleColumns(ids: readonly string[]): CatalogColumn[] {
  const shown = ALL_COLUMNS.filter((column) => column.id === REQUIRED_COLUMN_ID || ids.includes(column.id));
  return shown;
}

/** The grid template and the minimum width for a set of columns. */
export function gridLayout(columns: readonly CatalogColumn[]): { template: string; minWidth: number } {
  return {
    template: columns.map((column) => column.track).join(' '),
    minWidth: columns.reduce((sum, column) => sum + column.minWidth, 0),
  };
}
