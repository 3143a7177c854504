import { useRef } from 'react';

export interface EnvironmentRow {
  /** Stable across edits so React keeps each input (and its focus) while names change. */
  key: number;
  name: string;
}

interface EnvironmentsFieldProps {
  rows: EnvironmentRow[];
  onChange: (rows: EnvironmentRow[]) => void;
  /** Per row index, what is wrong with its name. */
  errors: Record<number, string>;
}

let nextKey = 1;
export const environmentRows = (names: readonly string[]): EnvironmentRow[] =>
  names.map((name) => ({ key: nextKey++, name }));

/** A workspace's environments (Production, Staging…) as an editable list of names. */
export function EnvironmentsField({ rows, onChange, errors }: EnvironmentsFieldProps) {
  // The row just added takes focus as soon as its input exists (in the same commit as the click).
  const focusKey = useRef<number | null>(null);
  const add = () => {
    const key = nextKey++;
    focusKey.current = key;
    onChange([...rows, { key, name: '' }]);
  };
  return (
    <fieldset className="form-group">
      <legend>Environments</legend>
      <p className="field-hint">
        Optional: group this workspace&apos;s accounts, for example Production and Staging. Renaming one moves
        its accounts out of it.
      </p>
      {rows.length > 0 && (
        <ol className="environment-list">
          {rows.map((row, index) => {
            const id = `environment-${row.key}`;
            const error = errors[index];
            return (
              <li key={row.key} className="environment-row">
                <label htmlFor={id} className="visually-hidden">
                  Environment {index + 1}
                </label>
                <input
                  ref={(input) => {
                    if (input && focusKey.current === row.key) {
                      focusKey.current = null;
                      input.focus();
                    }
                  }}
                  id={id}
                  type="text"
                  value={row.name}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) =>
                    onChange(rows.map((r) => (r.key === row.key ? { ...r, name: event.target.value } : r)))
                  }
                />
                <button
                  type="button"
                  className="button-small button-quiet"
                  aria-label={`Remove environment ${index + 1}`}
                  onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                >
                  ✕
                </button>
                {error && (
                  <p id={`${id}-error`} className="field-error">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button-small" onClick={add}>
        Add environment
      </button>
    </fieldset>
  );
}
