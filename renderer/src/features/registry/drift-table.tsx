import { Fragment } from 'react';
import type { DriftRow } from '@contract/index';
import { CloudBadge } from '../../components/cloud-badge';
import { formatDateTime } from '../../lib/format';
import { MappingDriftBadge } from './drift-badge';
import { ReplacementFinder } from './replacement-finder';

interface DriftTableProps {
  rows: readonly DriftRow[];
  /** The mapping whose replacement search is open under its row. */
  findingFor: string | null;
  onFind: (mappingId: string | null) => void;
  onOpenRecord: ((recordId: string) => void) | undefined;
  onReplaced: (message: string) => void;
}

const COLUMNS = ['Record', 'Cloud', 'Account', 'Location', 'Image id', 'State', 'Detail', 'Checked'];

/** One row per mapping; "Find a replacement" opens the candidates right under the drifted row. */
export function DriftTable({ rows, findingFor, onFind, onOpenRecord, onReplaced }: DriftTableProps) {
  return (
    <div className="registry-table-wrap">
      <table className="registry-table drift-table" aria-label="Drift report">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { mapping } = row;
            const finding = findingFor === mapping.id;
            return (
              <Fragment key={mapping.id}>
                <tr>
                  <td>
                    {onOpenRecord ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenRecord(row.recordId)}
                      >
                        {row.recordName}
                      </button>
                    ) : (
                      row.recordName
                    )}
                  </td>
                  <td>
                    <CloudBadge cloud={mapping.cloud} />
                  </td>
                  <td>{mapping.accountName}</td>
                  <td>{mapping.location}</td>
                  <td className="mono">{mapping.cloudImageId}</td>
                  <td>
                    <MappingDriftBadge drift={mapping.drift} />
                  </td>
                  <td className="drift-detail">{mapping.drift.detail ?? '—'}</td>
                  <td>{formatDateTime(mapping.drift.checkedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={finding}
                      onClick={() => onFind(finding ? null : mapping.id)}
                    >
                      Find a replacement
                    </button>
                  </td>
                </tr>
                {finding && (
                  <tr className="replacement-row">
                    <td colSpan={COLUMNS.length + 1}>
                      <ReplacementFinder row={row} onDone={onReplaced} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
