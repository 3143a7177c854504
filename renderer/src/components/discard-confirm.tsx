import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

interface DiscardConfirmProps {
  /** "Discard this registration?" */
  title: string;
  /** What is lost, and what is not. */
  text: string;
  onKeep: () => void;
  onDiscard: () => void;
}

/**
 * Closing a multi-step dialog with something entered asks first. Shown inside the dialog (the
 * steps stay mounted, hidden), with "Keep editing" focused so Enter or Escape keeps everything.
 */
export function DiscardConfirm({ title, text, onKeep, onDiscard }: DiscardConfirmProps) {
  const id = useId();
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
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-text`}>{text}</p>
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
