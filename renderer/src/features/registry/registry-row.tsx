import type { KeyboardEvent, MouseEvent } from 'react';
import type { LabelColor, RegistryRecord } from '@contract/index';
import { CloudBadge } from '../../components/cloud-badge';
import { plural } from '../../lib/format';
import { AliasCell } from './alias-cell';
import { RecordDriftBadge } from './drift-badge';
import { displayName, osText, reachOf, scopeText } from './model/registry-format';

/** A record's label colour: a dot, named for assistive tech (the colour is a hint, never the data). */
export function LabelDot({ color }: { color: LabelColor }) {
  return (
    <span className={`label-dot label-${color}`} role="img" aria-label={`${color} label`} title={color} />
  );
}

interface RegistryRowProps {
  record: RegistryRecord;
  rowId: string;
  checked: boolean;
  open: boolean;
  renaming: boolean;
  onToggle: () => void;
  onOpen: () => void;
  onRename: (renaming: boolean) => void;
  /** Arrow keys: focus the row above (-1) or below (+1). */
  onMove: (step: number) => void;
}

/** Clicks on the row's own controls (checkbox, rename) must not also open the record. */
const fromControl = (event: MouseEvent) =>
  (event.target as HTMLElement).closest('input, button, select, textarea, a') !== null;

/**
 * One record. The row itself is a tab stop: Enter opens it, Space ticks it, F2 renames it, the
 * arrow keys move between rows.
 */
export function RegistryRow(props: RegistryRowProps) {
  const { record, rowId, checked, open, renaming, onToggle, onOpen, onRename, onMove } = props;
  const reach = reachOf(record);
  const name = displayName(record);

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    const actions: Record<string, () => void> = {
      Enter: onOpen,
      ' ': onToggle,
      F2: () => onRename(true),
      ArrowDown: () => onMove(1),
      ArrowUp: () => onMove(-1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const classes = ['registry-row', open ? 'is-open' : '', checked ? 'is-checked' : ''];
  if (record.access === 'deleted') classes.push('is-deleted');
  return (
    <tr
      id={rowId}
      className={classes.join(' ')}
      tabIndex={0}
      aria-current={open ? 'true' : undefined}
      onClick={(event) => {
        if (!fromControl(event)) onOpen();
      }}
      onKeyDown={onKeyDown}
    >
      <td className="col-check">
        <input type="checkbox" aria-label={`Select ${name}`} checked={checked} onChange={onToggle} />
      </td>
      <td className="col-label">
        <LabelDot color={record.labelColor} />
      </td>
      <td className="col-alias">
        <AliasCell
          record={record}
          editing={renaming}
          onEdit={() => onRename(true)}
          onDone={() => onRename(false)}
        />
      </td>
      <td className="col-name">
        <span className="cell-text" title={record.description || record.name}>
          {record.name}
        </span>
      </td>
      <td>{record.version || '—'}</td>
      <td>{osText(record)}</td>
      <td className="col-reach">
        {reach.clouds.map((cloud) => (
          <CloudBadge key={cloud} cloud={cloud} />
        ))}{' '}
        <span className="muted">{plural(reach.locations, 'location')}</span>
      </td>
      <td>
        <span className={`access access-${record.access}`}>{record.access}</span>
      </td>
      <td>{scopeText(record)}</td>
      <td>
        <RecordDriftBadge record={record} />
      </td>
    </tr>
  );
}
