import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ImageSummary } from '@contract/index';
import { copyText } from '../catalog/copy-id-button';
import { useRegistryActions } from './registry-actions';
import { useLaunchActions } from '../launch/launch-actions';

export interface RowMenuAnchor {
  row: ImageSummary;
  /** Viewport coordinates: the pointer, or the row's corner when opened from the keyboard. */
  x: number;
  y: number;
}

interface CatalogRowMenuProps {
  anchor: RowMenuAnchor;
  onClose: () => void;
  /** Said after "Copy id" (the grid announces it in its status line). */
  onCopied: (note: string) => void;
}

/** What a catalog image offers from its row: register it (the wizard, pre-filled), copy its id. */
export function registerTarget(row: Pick<ImageSummary, 'accountId' | 'location' | 'cloudId'>) {
  return { accountId: row.accountId, location: row.location, cloudImageId: row.cloudId };
}

/**
 * The row's context menu (right-click, Shift+F10, the row's "…" button). A real menu: focus moves
 * into it, arrow keys move, Escape, Tab or a click elsewhere close it and focus goes back.
 */
export function CatalogRowMenu({ anchor, onClose, onCopied }: CatalogRowMenuProps) {
  const actions = useRegistryActions();
  const launcher = useLaunchActions();
  const menuRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onCloseRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      previous?.focus?.();
    };
  }, []);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
    };
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (moves[event.key] !== undefined) {
      event.preventDefault();
      all[(moves[event.key]! + all.length) % all.length]?.focus();
    }
  };

  const { row } = anchor;
  // Keep the menu inside the window when opened near its right or bottom edge.
  const left = Math.min(anchor.x, window.innerWidth - 200);
  const top = Math.min(anchor.y, window.innerHeight - 120);
  return createPortal(
    <div
      ref={menuRef}
      className="row-menu"
      role="menu"
      aria-label={`Actions for ${row.name || row.cloudId}`}
      style={{ left: Math.max(0, left), top: Math.max(0, top) }}
      onKeyDown={onKeyDown}
    >
      {actions && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="button-quiet menu-item"
          onClick={() => {
            onClose();
            actions.register(registerTarget(row));
          }}
        >
          Register…
        </button>
      )}
      {launcher && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="button-quiet menu-item"
          onClick={() => {
            onClose();
            const { accountId, location, cloudId, name } = row;
            launcher.launch({ kind: 'image', accountId, location, imageId: cloudId, name });
          }}
        >
          Launch…
        </button>
      )}
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="button-quiet menu-item"
        onClick={() => {
          onClose();
          void copyText(row.cloudId).then((ok) => onCopied(ok ? `Copied ${row.cloudId}` : 'Copy failed'));
        }}
      >
        Copy id
      </button>
    </div>,
    document.body,
  );
}
