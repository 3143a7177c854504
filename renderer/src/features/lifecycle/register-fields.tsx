import type { UseFormRegisterReturn } from 'react-hook-form';
import { OS_FAMILIES } from '@contract/index';
import { WizardField, fieldAria } from '../wizard/wizard-field';
import type { RegisterMode, RegisterValues } from './model/register-choice';

type RecordField = 'recordName' | 'osFamily' | 'osVersion';

/** "Add to the record": offered with the record's name, or shown disabled with why. */
export type AddOption =
  { available: true; recordName: string; warning: string | null } | { available: false; reason: string };

interface RegisterFieldsProps {
  idPrefix: string;
  mode: RegisterMode;
  registration: (name: keyof RegisterValues) => UseFormRegisterReturn;
  errors: Partial<Record<RecordField, string>>;
  /** Absent: the choice is only "Do not register" or "Register as a new record". */
  addOption?: AddOption;
}

/**
 * "Register the result": nothing, a new record (name, OS family and version, the fields every
 * record needs), or another mapping of an existing record. Native radios: arrows move between them.
 */
export function RegisterFields({ idPrefix, mode, registration, errors, addOption }: RegisterFieldsProps) {
  const radio = (value: RegisterMode, label: string, hint: string | null, disabled = false) => {
    const id = `${idPrefix}-mode-${value}`;
    return (
      <div className="radio">
        <input
          id={id}
          type="radio"
          value={value}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          {...registration('mode')}
        />
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    );
  };
  const text = (name: RecordField, hasHint: boolean) => ({
    ...fieldAria(`${idPrefix}-${name}`, hasHint, errors[name]),
    ...registration(name),
  });

  return (
    <fieldset className="form-group register-fields">
      <legend>Register the result</legend>
      {radio('none', 'Do not register', 'Find it later in the catalog after the next sync.')}
      {radio('new', 'Register as a new record', null)}
      {mode === 'new' && (
        <div className="register-record-fields">
          <WizardField id={`${idPrefix}-recordName`} label="Record name" error={errors.recordName} required>
            <input
              id={`${idPrefix}-recordName`}
              type="text"
              autoComplete="off"
              aria-required="true"
              {...text('recordName', false)}
            />
          </WizardField>
          <WizardField id={`${idPrefix}-osFamily`} label="OS family" error={errors.osFamily} required>
            <select id={`${idPrefix}-osFamily`} aria-required="true" {...text('osFamily', false)}>
              <option value="">Choose the OS family…</option>
              {OS_FAMILIES.map((family) => (
                <option key={family.id} value={family.id}>
                  {family.label}
                </option>
              ))}
            </select>
          </WizardField>
          <WizardField
            id={`${idPrefix}-osVersion`}
            label="OS version"
            error={errors.osVersion}
            hint="The distributor’s version, e.g. 24.04 or 2022."
            required
          >
            <input
              id={`${idPrefix}-osVersion`}
              type="text"
              autoComplete="off"
              aria-required="true"
              {...text('osVersion', true)}
            />
          </WizardField>
        </div>
      )}
      {addOption &&
        (addOption.available
          ? radio(
              'add',
              'Add to the record',
              `Adds the new image to “${addOption.recordName}” as another location.`,
            )
          : radio('add', 'Add to the record', addOption.reason, true))}
      {addOption?.available && mode === 'add' && addOption.warning && (
        <p className="field-warning" role="note">
          {addOption.warning}
        </p>
      )}
    </fieldset>
  );
}
