import type { ReactNode } from 'react';
import { describedBy, errorId, hintId } from '../../components/form-field';

interface WizardFieldProps {
  id: string;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  /** The input, which must carry `id` and the aria attributes from fieldAria(). */
  children: ReactNode;
}

/** aria-invalid and aria-describedby for an input inside a WizardField. */
export function fieldAria(id: string, hasHint: boolean, error: string | undefined) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hasHint, error) };
}

/**
 * A labelled input with its hint and inline error underneath. A required field shows a mark beside
 * (not inside) the label, hidden from assistive tech: the input says aria-required itself, and the
 * label stays exactly the field's name.
 */
export function WizardField({ id, label, error, hint, required, children }: WizardFieldProps) {
  return (
    <div className="form-field">
      <div className="wizard-label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="wizard-required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {hint && (
        <p id={hintId(id)} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId(id)} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
