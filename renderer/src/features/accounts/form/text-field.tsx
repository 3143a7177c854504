import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FormField } from '../../../components/form-field';

interface TextFieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  hint?: string;
  type?: 'text' | 'password' | 'url';
  mono?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
}

/** A labelled text input wired to react-hook-form, its hint and its inline error. */
export function TextField(props: TextFieldProps) {
  const { id, label, registration, error, hint, type = 'text', mono, autoFocus, placeholder } = props;
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type={type}
        className={mono ? 'mono' : undefined}
        data-autofocus={autoFocus || undefined}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        {...registration}
      />
    </FormField>
  );
}

/** Every form's first field: how the account is called in Hangar. */
export function NameField({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  return (
    <TextField
      id="account-name"
      label="Name"
      hint="How the account appears in Hangar."
      registration={registration}
      error={error}
    />
  );
}
