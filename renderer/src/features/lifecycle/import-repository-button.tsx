import { useState } from 'react';
import { ImgapiImportDialog } from './imgapi-import-dialog';

/** The Registry toolbar's way into an IMGAPI import. */
export function ImportRepositoryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Import from repository…
      </button>
      {open && <ImgapiImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
