import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { describedBy, errorId, FormField } from '../../components/form-field';
import { COMMON_REGIONS, OWNER_CHOICES, type AccountFormValues } from './account-form-schema';

interface ScopeFieldsProps {
  register: UseFormRegister<AccountFormValues>;
  errors: FieldErrors<AccountFormValues>;
}

/** Which regions and which image owners the account's catalog covers. */
export function ScopeFields({ register, errors }: ScopeFieldsProps) {
  const regionsError = errors.regions?.message;
  return (
    <>
      <fieldset
        className="form-group"
        aria-describedby={regionsError ? errorId('account-regions') : undefined}
      >
        <legend>Regions</legend>
        <div className="checkbox-grid">
          {COMMON_REGIONS.map((region) => (
            <label key={region} className="checkbox">
              <input type="checkbox" value={region} {...register('regions')} />
              {region}
            </label>
          ))}
        </div>
        {regionsError && (
          <p id={errorId('account-regions')} className="field-error">
            {regionsError}
          </p>
        )}
        <FormField
          id="account-other-regions"
          label="Other regions"
          hint="Comma separated, for example ca-central-1, eu-north-1."
          error={errors.otherRegions?.message}
        >
          <input
            id="account-other-regions"
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.otherRegions ? true : undefined}
            aria-describedby={describedBy('account-other-regions', true, errors.otherRegions?.message)}
            {...register('otherRegions')}
          />
        </FormField>
      </fieldset>

      <fieldset className="form-group">
        <legend>Owners to cache</legend>
        <p className="field-hint">
          The account&apos;s own images are always cached. Add public publishers to browse theirs too.
        </p>
        <div className="checkbox-grid">
          {OWNER_CHOICES.map((owner) => (
            <label key={owner.value} className="checkbox">
              <input type="checkbox" value={owner.value} {...register('owners')} />
              {owner.label}
            </label>
          ))}
        </div>
        <FormField
          id="account-other-owners"
          label="Other owner account ids"
          hint="12-digit AWS account ids, comma separated."
          error={errors.otherOwners?.message}
        >
          <input
            id="account-other-owners"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.otherOwners ? true : undefined}
            aria-describedby={describedBy('account-other-owners', true, errors.otherOwners?.message)}
            {...register('otherOwners')}
          />
        </FormField>
      </fieldset>
    </>
  );
}
