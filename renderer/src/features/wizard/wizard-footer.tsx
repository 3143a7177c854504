interface WizardFooterProps {
  onCancel: () => void;
  onBack?: () => void;
  /** The submit button's text ("Next", "Register"); none when the step offers other choices instead. */
  nextLabel?: string;
  /** The step's call runs: buttons wait (their names stay, the step says what is happening). */
  busy?: boolean;
}

/**
 * Every step's buttons. The step is a form and "Next" its submit button, so Enter in a field goes
 * on; Back and Cancel are plain buttons.
 */
export function WizardFooter({ onCancel, onBack, nextLabel, busy = false }: WizardFooterProps) {
  return (
    <div className="dialog-actions wizard-actions">
      <button type="button" className="button-quiet" onClick={onCancel}>
        Cancel
      </button>
      <span className="spacer" />
      {onBack && (
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      )}
      {nextLabel && (
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy || undefined}>
          {nextLabel}
        </button>
      )}
    </div>
  );
}
