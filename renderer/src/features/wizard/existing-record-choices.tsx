interface ExistingRecordChoicesProps {
  existing: { recordId: string; name: string; sameLocation: boolean };
  busy: boolean;
  onOpen: (recordId: string) => void;
  onAddTo: (recordId: string) => void;
}

/**
 * A cloud image maps to exactly one record. Already mapped here: open that record. Mapped by the
 * record in another location: open it, or add this location to it. Never a second record.
 */
export function ExistingRecordChoices({ existing, busy, onOpen, onAddTo }: ExistingRecordChoicesProps) {
  return (
    <section className="wizard-existing" aria-labelledby="wizard-existing-title">
      <h4 id="wizard-existing-title">Already registered</h4>
      {existing.sameLocation ? (
        <p>
          This image is already registered here as <strong>{existing.name}</strong>. A cloud image belongs to
          exactly one record: open that record to change it.
        </p>
      ) : (
        <p>
          <strong>{existing.name}</strong> already maps this image in another location. Add this location to
          it as another mapping, or open the record.
        </p>
      )}
      <div className="wizard-existing-actions">
        <button type="button" onClick={() => onOpen(existing.recordId)}>
          Open the existing record
        </button>
        {!existing.sameLocation && (
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() => onAddTo(existing.recordId)}
          >
            Add this location to {existing.name}
          </button>
        )}
      </div>
    </section>
  );
}
