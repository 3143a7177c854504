import { PopoverMenu } from '../../components/popover-menu';
import { ALL_COLUMNS, DEFAULT_COLUMN_IDS, REQUIRED_COLUMN_ID } from './catalog-columns';

interface ColumnChooserProps {
  shown: readonly string[];
  onChange: (ids: string[]) => void;
}

/** Show or hide table columns; the choice is a UI preference kept in localStorage. */
export function ColumnChooser({ shown, onChange }: ColumnChooserProps) {
  const toggle = (id: string) =>
    onChange(shown.includes(id) ? shown.filter((s) => s !== id) : [...shown, id]);
  return (
    <PopoverMenu label="Columns" panelLabel="Columns to show">
      <>
        {ALL_COLUMNS.map((column) => {
          const required = column.id === REQUIRED_COLUMN_ID;
          return (
            <label key={column.id} className="menu-option">
              <input
                type="checkbox"
                checked={required || shown.includes(column.id)}
                disabled={required}
                onChange={() => toggle(column.id)}
              />
              <span>{column.label}</span>
            </label>
          );
        })}
        <button type="button" className="button-quiet" onClick={() => onChange([...DEFAULT_COLUMN_IDS])}>
          Reset columns
        </button>
      </>
    </PopoverMenu>
  );
}
