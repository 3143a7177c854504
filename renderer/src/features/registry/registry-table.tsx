import { useId, useState } from 'react';
import type { RegistryRecord } from '@contract/index';
import { toggleInSelection } from './model/registry-format';
import { RegistryRow } from './registry-row';

interface RegistryTableProps {
  records: readonly RegistryRecord[];
  selected: ReadonlySet<string>;
  onSelected: (next: Set<string>) => void;
  openedId: string | null;
  onOpen: (recordId: string) => void;
  stale: boolean;
}

const HEADERS = ['Alias', 'Name', 'Version', 'OS', 'Clouds', 'Access', 'Scope', 'Drift'];

/**
 * The records as a plain table (a registry holds hundreds, not the catalog's millions, so no
 * virtualization): tick boxes for bulk actions, a row opens the record panel.
 */
export function RegistryTable({
  records,
  selected,
  onSelected,
  openedId,
  onOpen,
  stale,
}: RegistryTableProps) {
  const tableId = useId();
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const rowId = (recordId: string) => `${tableId}-${recordId}`;
  const focusRow = (recordId: string | undefined) => {
    if (recordId) document.getElementById(rowId(recordId))?.focus();
  };

  const lostFocus = () => document.activeElement === null || document.activeElement === document.body;

  const allChecked = records.length > 0 && records.every((r) => selected.has(r.id));
  const someChecked = !allChecked && records.some((r) => selected.has(r.id));

  return (
    <div className="registry-table-wrap">
      <table
        className="registry-table"
        aria-label="Registry records"
        aria-describedby={`${tableId}-keys`}
        aria-busy={stale || undefined}
      >
        <thead>
          <tr>
            <th className="col-check">
              <input
                type="checkbox"
                aria-label="Select all records"
                checked={allChecked}
                ref={(input) => {
                  if (input) input.indeterminate = someChecked;
                }}
                onChange={() => onSelected(allChecked ? new Set() : new Set(records.map((r) => r.id)))}
              />
            </th>
            <th className="col-label">
              <span className="visually-hidden">Label</span>
            </th>
            {HEADERS.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => (
            <RegistryRow
              key={record.id}
              record={record}
              rowId={rowId(record.id)}
              checked={selected.has(record.id)}
              open={record.id === openedId}
              renaming={record.id === renamingId}
              onToggle={() => onSelected(toggleInSelection(selected, record.id))}
              onOpen={() => onOpen(record.id)}
              onRename={(renaming) => {
                setRenamingId(renaming ? record.id : null);
                // Back to the row once the field closed under the keyboard (Enter, Escape); a
                // click elsewhere keeps its own focus.
                if (!renaming) requestAnimationFrame(() => lostFocus() && focusRow(record.id));
              }}
              onMove={(step) => focusRow(records[index + step]?.id)}
            />
          ))}
        </tbody>
      </table>
      <p id={`${tableId}-keys`} className="visually-hidden">
        On a row: Enter opens the record, Space selects it, F2 renames it, arrow keys move.
      </p>
    </div>
  );
}
