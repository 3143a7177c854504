import { useState, type Dispatch, type FormEvent } from 'react';
import { osFamilyLabel, type LookupResult } from '@contract/index';
import { errorId } from '../../components/form-field';
import { formatDateTime, formatDay } from '../../lib/format';
import { ExistingRecordChoices } from './existing-record-choices';
import type { Busy } from './use-wizard-actions';
import { WizardFooter } from './wizard-footer';
import { WizardForm } from './wizard-form';
import {
  ACK_REQUIRED,
  cacheNote,
  lookupBlocker,
  needsAcknowledgement,
  warningsOf,
} from './model/wizard-rules';
import type { WizardAction, WizardState } from './model/wizard-state';

interface StepLookupProps {
  state: WizardState & { lookup: LookupResult };
  dispatch: Dispatch<WizardAction>;
  busy: Busy;
  onOpenRecord: (recordId: string) => void;
  onAddTo: (recordId: string) => void;
  /** The record the wizard was opened to add a location to, if any. */
  addToRecord?: { recordId: string; name: string };
  onCancel: () => void;
}

const ACK_ID = 'wizard-acknowledge';

/** Step 3: what the lookup found, where it came from, and what is wrong with the image. */
export function WizardStepLookup({
  state,
  dispatch,
  busy,
  onOpenRecord,
  onAddTo,
  addToRecord,
  onCancel,
}: StepLookupProps) {
  const [attempted, setAttempted] = useState(false);
  const { lookup } = state;
  const image = lookup.image;
  const warnings = warningsOf(lookup);
  const mustAcknowledge = needsAcknowledgement(lookup);
  const ackError = attempted && mustAcknowledge && !state.acknowledged ? ACK_REQUIRED : null;
  const note = cacheNote(lookup, formatDateTime);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (lookupBlocker(state) === null) dispatch({ type: 'go', step: 'details' });
    else document.getElementById(ACK_ID)?.focus();
  };
  const addTo = (recordId: string) => {
    setAttempted(true);
    if (mustAcknowledge && !state.acknowledged) document.getElementById(ACK_ID)?.focus();
    else onAddTo(recordId);
  };

  return (
    <WizardForm onSubmit={onSubmit}>
      {note && <p className="wizard-cache-flag">{note}</p>}
      {image && (
        <dl className="wizard-summary">
          <dt>Image</dt>
          <dd>
            {image.name} <code className="selectable">{lookup.cloudImageId}</code>
          </dd>
          <dt>OS</dt>
          <dd>
            {image.osFamily ? osFamilyLabel(image.osFamily) : 'Not known'} {image.osVersion ?? ''}
          </dd>
          <dt>Architecture</dt>
          <dd>{image.architecture}</dd>
          <dt>Size</dt>
          <dd>{image.sizeGb === null ? 'Not known' : `${image.sizeGb} GB`}</dd>
          <dt>State</dt>
          <dd>{image.state}</dd>
          <dt>Created</dt>
          <dd>{formatDay(image.createdAt)}</dd>
          {image.deprecatesAt && (
            <>
              <dt>Deprecation</dt>
              <dd>{formatDay(image.deprecatesAt)}</dd>
            </>
          )}
          <dt>Owner</dt>
          <dd>
            {image.ownerId}
            {!image.ownedByAccount && (
              <span className="field-hint">
                {' '}
                — not this account&apos;s own image: its owner may remove it.
              </span>
            )}
          </dd>
        </dl>
      )}
      {warnings.length > 0 && (
        <ul className="wizard-warnings" aria-label="Warnings">
          {warnings.map((warning) => (
            <li key={warning.kind} className="field-warning">
              {warning.message}
            </li>
          ))}
        </ul>
      )}
      {mustAcknowledge && (
        <div className="form-field">
          <label className="checkbox">
            <input
              id={ACK_ID}
              type="checkbox"
              checked={state.acknowledged}
              aria-invalid={ackError ? true : undefined}
              aria-describedby={`${ACK_ID}-hint${ackError ? ` ${errorId(ACK_ID)}` : ''}`}
              onChange={(event) => dispatch({ type: 'set', patch: { acknowledged: event.target.checked } })}
            />
            Register this image anyway
          </label>
          <p id={`${ACK_ID}-hint`} className="field-hint">
            {warnings.length > 0
              ? 'The registry’s drift check keeps flagging this mapping until it is replaced.'
              : 'The cloud was not asked, so the image may have changed since the cache was synced.'}
          </p>
          {ackError && (
            <p id={errorId(ACK_ID)} className="field-error">
              {ackError}
            </p>
          )}
        </div>
      )}
      {lookup.existing && (
        <ExistingRecordChoices
          existing={lookup.existing}
          busy={busy === 'register'}
          onOpen={onOpenRecord}
          onAddTo={addTo}
        />
      )}
      {addToRecord && !lookup.existing && lookup.found && (
        <section className="wizard-existing" aria-label="Add to the record">
          <p>
            Map this image as another location of <strong>{addToRecord.name}</strong>, or go on with Next to
            register it as a record of its own.
          </p>
          <div className="wizard-existing-actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy === 'register'}
              onClick={() => addTo(addToRecord.recordId)}
            >
              Add this location to {addToRecord.name}
            </button>
          </div>
        </section>
      )}
      <p className="wizard-progress" role="status">
        {busy === 'register' &&
          (lookup.existing ?? addToRecord) &&
          `Adding this location to ${(lookup.existing ?? addToRecord)!.name}…`}
      </p>
      <WizardFooter
        onCancel={onCancel}
        onBack={() => dispatch({ type: 'go', step: 'image' })}
        nextLabel={lookup.existing ? undefined : 'Next'}
        busy={busy !== null}
      />
    </WizardForm>
  );
}
