import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

interface WizardFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/** Controls on which Enter does nothing by itself: here it means "Next", as in a text field. */
const ENTER_SUBMITS = 'select, input[type="checkbox"], input[type="radio"]';

/** A step's page: a form whose submit is the step's Next, so Enter goes on from any field. */
export function WizardForm({ onSubmit, children }: WizardFormProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (!(event.target instanceof Element) || !event.target.matches(ENTER_SUBMITS)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };
  return (
    <form className="wizard-step" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      {children}
    </form>
  );
}
