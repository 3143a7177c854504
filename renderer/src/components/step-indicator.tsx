interface StepIndicatorProps {
  /** "Registration steps", "Launch steps". */
  label: string;
  steps: readonly { id: string; label: string }[];
  /** 1-based. */
  current: number;
}

/** Where the user is among a dialog's steps; the current one carries aria-current="step". */
export function StepIndicator({ label, steps, current }: StepIndicatorProps) {
  return (
    <ol className="wizard-steps" aria-label={label}>
      {steps.map((s, index) => {
        const number = index + 1;
        const state = number < current ? 'is-done' : number === current ? 'is-current' : '';
        return (
          <li
            key={s.id}
            className={`wizard-steps-item ${state}`}
            aria-current={number === current ? 'step' : undefined}
          >
            <span className="wizard-steps-number" aria-hidden="true">
              {number}
            </span>
            {s.label}
            {number < current && <span className="visually-hidden"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}
