import { useEffect, useRef, type KeyboardEvent } from 'react';

interface DiscardConfirmProps {
  onKeep: () => void;
  onDiscard: () => void;
}

/**
 * Closing a wizard with something entered asks first. Shown inside the wizard (the steps stay
 * mounted, hidden), with "Keep editing" focused so Enter or Escape keeps everything.
 */
export function DiscardConfirm({ onKeep, onDiscard }: DiscardConfirmProps) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  // The steps behind are hidden, so Tab cycles between the two answers rather than leaving.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    event.stopPropagation();
    const other = document.activeElement === keepRef.current ? discardRef.current : keepRef.current;
    other?.focus();
  };
  return (
    <section
      className="wizard-discard"
      role="alertdialog"
      onKeyDown={onKeyDown}
      aria-labelledby="wizard-discard-title"
      aria-describedby="wizard-discard-text"
    >
      <h3 id="wizard-discard-title">Discard this registration?</h3>
      <p id="wizard-discard-text">Nothing is registered yet; what you entered in the wizard is lost.</p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button ref={keepRef} type="button" onClick={onKeep}>
          Keep editing
        </button>
        <button ref={discardRef} type="button" className="button-danger" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
