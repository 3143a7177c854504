import { useState, type Dispatch, type FormEvent } from 'react';
import { azureImageKind, cloudImageIdHint, type Cloud } from '@contract/index';
import { CLOUD_LABEL } from '../../lib/clouds';
import { TemplatePicker } from './template-picker';
import type { Busy } from './use-wizard-actions';
import { WizardField, fieldAria } from './wizard-field';
import { WizardFooter } from './wizard-footer';
import { WizardForm } from './wizard-form';
import { checkImageId, notFoundMessage } from './model/wizard-rules';
import type { WizardAction, WizardState } from './model/wizard-state';

interface StepImageProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  busy: Busy;
  onLookup: (cloudImageId: string) => void;
  onCancel: () => void;
}

const WHAT: Record<Exclude<Cloud, 'vmware'>, string> = {
  aws: 'The AMI id in this region.',
  gcp: 'The image path, projects/PROJECT/global/images/NAME (a selfLink works too).',
  azure: 'A Marketplace URN Publisher:Offer:Sku:Version, or a managed or gallery image resource id.',
  openstack: 'The Glance image UUID (the ID column of openstack image list).',
};

const AZURE_KIND = {
  marketplace: 'Marketplace image',
  managed: 'managed image',
  gallery: 'gallery image version',
};

/** Step 2: the cloud image, checked as it is typed; "Next" looks it up. */
export function WizardStepImage({ state, dispatch, busy, onLookup, onCancel }: StepImageProps) {
  const [attempted, setAttempted] = useState(false);
  const cloud = state.cloud ?? 'aws';
  const checked = checkImageId(cloud, state.cloudImageId);
  const typed = state.cloudImageId.trim() !== '';
  const formatError = !checked.ok && (typed || attempted) ? checked.message : undefined;
  const error = formatError ?? notFoundMessage(state.lookup) ?? undefined;
  const looking = busy === 'lookup';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (looking) return;
    if (checked.ok) onLookup(checked.id);
    else document.getElementById('wizard-image-id')?.focus();
  };

  return (
    <WizardForm onSubmit={onSubmit}>
      {cloud === 'vmware' ? (
        <TemplatePicker state={state} dispatch={dispatch} error={error} />
      ) : (
        <WizardField
          id="wizard-image-id"
          label="Image id"
          error={error}
          required
          hint={
            checked.ok ? (
              <>
                Recognised{cloud === 'azure' ? ` ${AZURE_KIND[azureImageKind(checked.id)]}` : ''}:{' '}
                <code className="selectable">{checked.id}</code>
              </>
            ) : (
              WHAT[cloud]
            )
          }
        >
          <input
            id="wizard-image-id"
            type="text"
            className="mono"
            value={state.cloudImageId}
            placeholder={cloudImageIdHint(cloud)}
            aria-required="true"
            autoComplete="off"
            spellCheck={false}
            {...fieldAria('wizard-image-id', true, error)}
            onChange={(event) =>
              dispatch({ type: 'set-target', patch: { cloudImageId: event.target.value } })
            }
          />
        </WizardField>
      )}
      <div className="form-field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state.offline}
            aria-describedby="wizard-offline-hint"
            onChange={(event) => dispatch({ type: 'set-target', patch: { offline: event.target.checked } })}
          />
          Work offline (use the cache)
        </label>
        <p id="wizard-offline-hint" className="field-hint">
          Look the image up in the cached catalog instead of asking {CLOUD_LABEL[cloud]}. When the cloud
          cannot be reached, the cache is used anyway and the result says so.
        </p>
      </div>
      <p className="wizard-progress" role="status">
        {looking &&
          (state.offline
            ? 'Looking the image up in the cache…'
            : `Looking the image up in ${CLOUD_LABEL[cloud]} (${state.location})…`)}
      </p>
      <WizardFooter
        onCancel={onCancel}
        onBack={() => dispatch({ type: 'go', step: 'location' })}
        nextLabel="Next"
        busy={looking}
      />
    </WizardForm>
  );
}
