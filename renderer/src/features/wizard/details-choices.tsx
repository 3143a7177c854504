import type { UseFormRegisterReturn } from 'react-hook-form';
import { LABEL_COLORS } from '@contract/index';
import { errorId } from '../../components/form-field';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface ChoiceProps {
  registration: UseFormRegisterReturn;
  error: string | undefined;
}

/** The record's label colour as swatches; native radios, so arrow keys move between colours. */
export function LabelColourChoice({ registration, error }: ChoiceProps) {
  return (
    <fieldset
      className="form-group wizard-swatches"
      role="radiogroup"
      aria-label="Label colour"
      aria-describedby={error ? errorId('wizard-label-colour') : undefined}
    >
      <legend>Label colour</legend>
      <div className="wizard-swatch-row">
        {LABEL_COLORS.map((color) => (
          <label key={color} className="wizard-swatch-option" title={capitalise(color)}>
            <input type="radio" value={color} {...registration} />
            <span className={`wizard-swatch wizard-swatch-${color}`} aria-hidden="true" />
            <span className="visually-hidden">{capitalise(color)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId('wizard-label-colour')} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

const ACCESS = [
  { value: 'private', label: 'Private', hint: 'Offered only to its owner’s launches.' },
  { value: 'public', label: 'Public', hint: 'Offered to everyone in its scope.' },
] as const;

/** Who launches see the record. ("Deleted" is for records that already exist.) */
export function AccessChoice({ registration, error }: ChoiceProps) {
  return (
    <fieldset
      className="form-group"
      role="radiogroup"
      aria-label="Access"
      aria-describedby={error ? errorId('wizard-access') : undefined}
    >
      <legend>Access</legend>
      {ACCESS.map((choice) => (
        <div key={choice.value} className="radio">
          <input
            id={`wizard-access-${choice.value}`}
            type="radio"
            value={choice.value}
            aria-describedby={`wizard-access-${choice.value}-hint`}
            {...registration}
          />
          <label htmlFor={`wizard-access-${choice.value}`}>{choice.label}</label>
          <p id={`wizard-access-${choice.value}-hint`} className="field-hint">
            {choice.hint}
          </p>
        </div>
      ))}
      {error && (
        <p id={errorId('wizard-access')} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
