import { useId, useState } from 'react';
import type { RegistryMapping, RegistryRecord } from '@contract/index';
import { CaptureDialog } from './capture-dialog';
import { useLaunchHistory } from './lifecycle-queries';
import { PRIVATE_COPY_HINT, privateCopySource } from './model/launch-history';

interface PrivateCopyButtonProps {
  record: Pick<RegistryRecord, 'id' | 'mappings'>;
  /** The vendor's mapping the warning is about: its servers are preferred. */
  mapping: RegistryMapping;
}

/**
 * The ownership warning's way out: capture an image from a running server launched from this
 * record's image, and add it to the record. Without such a server, disabled with what to do first.
 */
export function PrivateCopyButton({ record, mapping }: PrivateCopyButtonProps) {
  const history = useLaunchHistory();
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const source = history.data ? privateCopySource(record, history.data, mapping) : null;
  const reason = source
    ? `From ${source.server.name}, launched ${new Date(source.launch.at).toLocaleDateString()} in ${source.launch.location}.`
    : PRIVATE_COPY_HINT;

  return (
    <>
      <button
        type="button"
        disabled={!source}
        title={source ? undefined : PRIVATE_COPY_HINT}
        aria-describedby={reasonId}
        onClick={() => setOpen(true)}
      >
        Capture a private copy
      </button>
      <span id={reasonId} className="field-hint">
        {reason}
      </span>
      {open && source && (
        <CaptureDialog
          source={source}
          recordId={record.id}
          initialMode="add"
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
