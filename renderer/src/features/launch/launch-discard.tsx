import { useEffect, useRef, type KeyboardEvent } from 'react';

interface LaunchDiscardProps {
  onKeep: () => void;
  onDiscard: () => void;
}

/**
 * Closing the dialog with choices made asks first. Shown inside the dialog (the steps stay
 * mounted, hidden), "Keep editing" focused, so Enter or Escape keeps everything.
 */
export function LaunchDiscard({ onKeep, onDiscard }: LaunchDiscardProps) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  // The steps behind are hidden: Tab moves between the two answers only.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    event.stopPropagation();
    (document.activeElement === keepRef.current ? discardRef.current : keepRef.current)?.focus();
  };
  return (
    <section
      className="wizard-discard"
      role="alertdialog"
      onKeyDown={onKeyDown}
      aria-labelledby="launch-discard-title"
      aria-describedby="launch-discard-text"
    >
      <h3 id="launch-discard-title">Discard this launch?</h3>
      <p id="launch-discard-text">
        Nothing is launched yet; the choices made here are lost. Key pairs and security groups already created
        stay in the cloud.
      </p>
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
