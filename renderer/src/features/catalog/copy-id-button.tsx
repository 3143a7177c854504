import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface CopyIdButtonProps {
  id: string;
  /** In a table cell: an icon button that does not open the row. */
  compact?: boolean;
}

/** Copies an image id to the clipboard and says whether it worked. */
export function CopyIdButton({ id, compact }: CopyIdButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(id)) ? 'copied' : 'failed');

  if (compact) {
    return (
      <button
        type="button"
        className="button-icon copy-cell-button"
        // The grid owns keyboard focus (Ctrl+C copies the selected row's id); this is for the mouse.
        tabIndex={-1}
        aria-label={`Copy ${id}`}
        title={state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy id'}
        onClick={(event) => {
          event.stopPropagation();
          void copy();
        }}
      >
        {state === 'copied' ? '✓' : <CopyIcon />}
      </button>
    );
  }
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy id
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the id below' : ''}
      </span>
    </>
  );
}

/** Two overlapping sheets, drawn rather than a font glyph (system fonts may lack one). */
function CopyIcon() {
  return (
    <svg
      className="copy-icon"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="5.5" y="1.5" width="9" height="10" rx="1.5" />
      <rect x="1.5" y="4.5" width="9" height="10" rx="1.5" />
    </svg>
  );
}
