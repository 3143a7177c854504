import { stepNumber, WIZARD_STEPS, type WizardStep } from './model/wizard-state';

/** Where the user is among the five steps; the current one carries aria-current="step". */
export function StepIndicator({ step }: { step: WizardStep }) {
  const current = stepNumber(step);
  return (
    <ol className="wizard-steps" aria-label="Registration steps">
      {WIZARD_STEPS.map((s, index) => {
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
