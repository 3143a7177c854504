import type { UseFormRegisterReturn } from 'react-hook-form';
import { errorId } from '../../../components/form-field';
import { TextField } from './text-field';

export interface Choice {
  value: string;
  label: string;
}

interface CheckboxChoicesProps {
  /** Used for the group's error id; the "other" field gets `${id}-other`. */
  id: string;
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  registration: UseFormRegisterReturn;
  error: string | undefined;
  other: { label: string; hint: string; registration: UseFormRegisterReturn; error: string | undefined };
}

/** Common values as checkboxes plus a free-text field for the rest (regions, projects, publishers…). */
export function CheckboxChoices({
  id,
  legend,
  hint,
  choices,
  registration,
  error,
  other,
}: CheckboxChoicesProps) {
  return (
    <fieldset className="form-group" aria-describedby={error ? errorId(id) : undefined}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="checkbox-grid">
        {choices.map((choice) => (
          <label key={choice.value} className="checkbox">
            <input type="checkbox" value={choice.value} {...registration} />
            {choice.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId(id)} className="field-error">
          {error}
        </p>
      )}
      <TextField
        id={`${id}-other`}
        label={other.label}
        hint={other.hint}
        registration={other.registration}
        error={other.error}
      />
    </fieldset>
  );
}
