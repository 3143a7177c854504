import type { ReactNode } from 'react';

interface FormFieldProps {
  id: string;
  label: string;
  error: string | undefined;
  hint?: ReactNode;
  /** The input; it must carry `id`, and should set aria-describedby={describedBy(id, …)}. */
  children: ReactNode;
}

export const errorId = (id: string) => `${id}-error`;
export const hintId = (id: string) => `${id}-hint`;

/** aria-describedby for an input: its hint and, when present, its error. */
export function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled input with its hint and inline error right underneath. */
export function FormField({ id, label, error, hint, children }: FormFieldProps) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
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
