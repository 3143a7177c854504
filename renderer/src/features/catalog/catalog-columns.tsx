import type { ReactNode } from 'react';
import type { ImageSummary, SortColumn } from '@contract/index';
import { formatDateTime, formatDay } from '../../lib/format';
import { DEPRECATION_HINT, deprecationStatus } from './deprecation';

export interface CatalogColumn {
  id: string;
  label: string;
  sort: SortColumn;
  /** Extra class for width/alignment in the CSS grid template. */
  className: string;
  render: (row: ImageSummary, now: number) => ReactNode;
}

export const osLabel = (row: ImageSummary) =>
  row.osVersion ? `${row.osFamily} ${row.osVersion}` : row.osFamily;
export const ownerLabel = (row: ImageSummary) => row.ownerAlias ?? row.ownerId;

/** The table's columns, each sortable by the matching contract sort column. */
export const CATALOG_COLUMNS: CatalogColumn[] = [
  {
    id: 'name',
    label: 'Name',
    sort: 'name',
    className: 'col-name',
    render: (row) => <span title={row.description || row.name}>{row.name || '(no name)'}</span>,
  },
  { id: 'id', label: 'ID', sort: 'cloudId', className: 'col-id mono', render: (row) => row.cloudId },
  {
    id: 'owner',
    label: 'Owner',
    sort: 'ownerId',
    className: 'col-owner',
    render: (row) => <span title={row.ownerId}>{ownerLabel(row)}</span>,
  },
  { id: 'region', label: 'Region', sort: 'location', className: 'col-region', render: (row) => row.location },
  { id: 'os', label: 'OS', sort: 'osFamily', className: 'col-os', render: osLabel },
  {
    id: 'arch',
    label: 'Architecture',
    sort: 'architecture',
    className: 'col-arch',
    render: (row) => row.architecture,
  },
  {
    id: 'created',
    label: 'Created',
    sort: 'createdAt',
    className: 'col-date',
    render: (row) => <span title={formatDateTime(row.createdAt)}>{formatDay(row.createdAt)}</span>,
  },
  {
    id: 'deprecation',
    label: 'Deprecation',
    sort: 'deprecatesAt',
    className: 'col-date',
    render: (row, now) => {
      const status = row.deprecated ? 'past' : deprecationStatus(row.deprecatesAt, now);
      if (!row.deprecatesAt)
        return row.deprecated ? <span className="deprecation-past">deprecated</span> : '—';
      return (
        <span
          className={`deprecation-${status}`}
          title={`${DEPRECATION_HINT[status]}: ${formatDateTime(row.deprecatesAt)}`}
        >
          {formatDay(row.deprecatesAt)}
        </span>
      );
    },
  },
  { id: 'state', label: 'State', sort: 'state', className: 'col-state', render: (row) => row.state },
];
