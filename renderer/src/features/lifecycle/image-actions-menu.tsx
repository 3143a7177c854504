import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useImageCapabilities } from './lifecycle-queries';
import { actionStates, type ImageRef, type LifecycleAction } from './model/image-actions';
import { CopyImageDialog } from './copy-image-dialog';
import { DeleteImageDialog } from './delete-image-dialog';
import { DeprecateImageDialog } from './deprecate-image-dialog';

interface ImageActionsMenuProps {
  image: ImageRef;
  /** The button's text: "…" in a table row, "Image actions" in the details pane. */
  children: ReactNode;
  /** The button's accessible name when its text alone would not say it. */
  buttonLabel?: string;
  className?: string;
}

const ITEMS: { action: LifecycleAction; label: string }[] = [
  { action: 'copy', label: 'Copy to other locations…' },
  { action: 'deprecate', label: 'Deprecate…' },
  { action: 'delete', label: 'Delete image…' },
];

const MENU_WIDTH = 260;

/**
 * An image's lifecycle actions. What the cloud allows is asked only once the menu first opens
 * (it lists flavors, so it is not cheap), then cached; an action the cloud lacks stays listed,
 * disabled, with the cloud's reason.
 */
export function ImageActionsMenu({ image, children, buttonLabel, className }: ImageActionsMenuProps) {
  const [anchor, setAnchor] = useState<{ x: number; y: number } | null>(null);
  const [asked, setAsked] = useState(false);
  const [dialog, setDialog] = useState<LifecycleAction | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const capabilities = useImageCapabilities(image, asked);
  const states = actionStates(capabilities.status, capabilities.data);
  const open = anchor !== null;

  const close = (refocus: boolean) => {
    setAnchor(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setAnchor(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = () => {
    if (open) return close(false);
    setAsked(true);
    const rect = buttonRef.current?.getBoundingClientRect();
    if (!rect) return;
    // Keep the menu inside the window when the button sits near its right or bottom edge.
    setAnchor({
      x: Math.max(0, Math.min(rect.left, window.innerWidth - MENU_WIDTH)),
      y: Math.max(0, Math.min(rect.bottom + 2, window.innerHeight - 160)),
    });
  };

  const choose = (action: LifecycleAction) => {
    if (!states[action].enabled) return;
    // Focus goes back to the button first, so the dialog returns it there when it closes.
    close(true);
    setDialog(action);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (moves[event.key] !== undefined) {
      event.preventDefault();
      items[(moves[event.key]! + items.length) % items.length]?.focus();
    }
  };

  const label = `Image actions for ${image.imageId}`;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'button-small'}
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
      >
        {children}
      </button>
      {anchor &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            className="lifecycle-menu"
            role="menu"
            aria-label={label}
            style={{ left: anchor.x, top: anchor.y, width: MENU_WIDTH }}
            onKeyDown={onKeyDown}
          >
            {capabilities.isError && (
              <div role="none" className="lifecycle-menu-note">
                Could not ask the cloud what it allows ({capabilities.error.message}). Each action still
                checks with the cloud and says if it refuses.
              </div>
            )}
            {ITEMS.map(({ action, label: itemLabel }) => {
              const state = states[action];
              const reasonId = `${menuId}-${action}-reason`;
              return (
                <button
                  key={action}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="button-quiet menu-item"
                  aria-label={itemLabel}
                  aria-disabled={!state.enabled || undefined}
                  aria-describedby={state.reason ? reasonId : undefined}
                  onClick={() => choose(action)}
                >
                  <span>{itemLabel}</span>
                  {state.reason && (
                    <span id={reasonId} className="menu-item-reason">
                      {state.reason}
                    </span>
                  )}
                </button>
              );
            })}
          </div>,
          document.body,
        )}
      {dialog === 'copy' && <CopyImageDialog image={image} onClose={() => setDialog(null)} />}
      {dialog === 'deprecate' && <DeprecateImageDialog image={image} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteImageDialog image={image} onClose={() => setDialog(null)} />}
    </>
  );
}
