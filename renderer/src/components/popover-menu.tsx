import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverMenuProps {
  /** The button's text, e.g. "Columns" or "Export". */
  label: ReactNode;
  /** Names the panel for assistive tech, e.g. "Column chooser". */
  panelLabel: string;
  active?: boolean;
  /** The panel's content. A click on an element marked `data-close-menu` closes the panel. */
  children: ReactNode;
}

/**
 * A toolbar button that opens a small panel below it. Escape or a click elsewhere closes it;
 * the panel holds native controls, so keyboard and screen readers need nothing custom.
 */
export function PopoverMenu({ label, panelLabel, active, children }: PopoverMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      className="menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`menu-button ${active ? 'is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="menu-panel"
          role="group"
          aria-label={panelLabel}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('[data-close-menu]')) close();
          }}
        >
          {children}
        </div>
      )}
    </div>
  );
}
