import type { Dispatch } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { OS_FAMILIES, type Cloud, type RegistryRecordFields } from '@contract/index';
import { AccessChoice, LabelColourChoice } from './details-choices';
import { ARCHITECTURES, DetailsFormSchema, type DetailsValues } from './model/details-form';
import { WizardField, fieldAria } from './wizard-field';
import { WizardFooter } from './wizard-footer';
import { WizardForm } from './wizard-form';
import type { WizardAction } from './model/wizard-state';

interface StepDetailsProps {
  cloud: Cloud;
  details: DetailsValues;
  dispatch: Dispatch<WizardAction>;
  onCancel: () => void;
}

/** Per the registration table: what each cloud itself insists on, beside what every record needs. */
const NAME_HINT: Record<Cloud, string> = {
  aws: 'Pre-filled from the AMI’s name; every record needs one.',
  azure: 'Pre-filled from the image; every record needs one.',
  gcp: 'Required for a Compute Engine image.',
  openstack: 'Required for an OpenStack image.',
  vmware: 'Required for a VMware template.',
};

/**
 * Step 4: the record's details, checked with the contract's own field rules (the same as main's).
 * Values go back into the wizard state when the page is left either way, so Back loses nothing.
 */
export function WizardStepDetails({ cloud, details, dispatch, onCancel }: StepDetailsProps) {
  const form = useForm<DetailsValues, unknown, RegistryRecordFields>({
    resolver: zodResolver(DetailsFormSchema),
    defaultValues: details,
    // As the account forms: checked on Next, then live while fixing.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, formState } = form;
  const { errors } = formState;
  const text = (name: keyof DetailsValues, hasHint: boolean) => ({
    ...fieldAria(`wizard-${name}`, hasHint, errors[name]?.message),
    ...register(name),
  });

  const onSubmit = form.handleSubmit((record, event) => {
    event?.preventDefault();
    dispatch({ type: 'save-details', values: form.getValues(), record, step: 'review' });
  });
  const back = () =>
    dispatch({ type: 'save-details', values: form.getValues(), record: null, step: 'lookup' });

  return (
    <WizardForm onSubmit={(event) => void onSubmit(event)}>
      <p className="field-hint">
        Fields marked <span aria-hidden="true">*</span> are required: name, OS family and OS version.
      </p>
      <div className="form-columns">
        <div className="form-column">
          <WizardField
            id="wizard-name"
            label="Name"
            error={errors.name?.message}
            hint={NAME_HINT[cloud]}
            required
          >
            <input
              id="wizard-name"
              type="text"
              aria-required="true"
              autoComplete="off"
              {...text('name', true)}
            />
          </WizardField>
          <WizardField
            id="wizard-alias"
            label="Alias"
            error={errors.alias?.message}
            hint="Optional: the display name people see, e.g. Ubuntu 24.04 web."
          >
            <input id="wizard-alias" type="text" autoComplete="off" {...text('alias', true)} />
          </WizardField>
          <WizardField
            id="wizard-version"
            label="Version"
            error={errors.version?.message}
            hint="Optional: your own."
          >
            <input id="wizard-version" type="text" autoComplete="off" {...text('version', true)} />
          </WizardField>
          <WizardField id="wizard-description" label="Description" error={errors.description?.message}>
            <textarea id="wizard-description" rows={3} {...text('description', false)} />
          </WizardField>
          <WizardField id="wizard-osFamily" label="OS family" error={errors.osFamily?.message} required>
            <select id="wizard-osFamily" aria-required="true" {...text('osFamily', false)}>
              <option value="">Choose the OS family…</option>
              {OS_FAMILIES.map((family) => (
                <option key={family.id} value={family.id}>
                  {family.label}
                </option>
              ))}
            </select>
          </WizardField>
          <WizardField
            id="wizard-osVersion"
            label="OS version"
            error={errors.osVersion?.message}
            hint="The distributor’s version, e.g. 24.04 or 2022."
            required
          >
            <input
              id="wizard-osVersion"
              type="text"
              aria-required="true"
              autoComplete="off"
              {...text('osVersion', true)}
            />
          </WizardField>
        </div>
        <div className="form-column">
          <WizardField id="wizard-architecture" label="Architecture" error={errors.architecture?.message}>
            <select id="wizard-architecture" {...text('architecture', false)}>
              {ARCHITECTURES.map((architecture) => (
                <option key={architecture} value={architecture}>
                  {architecture}
                </option>
              ))}
            </select>
          </WizardField>
          <WizardField
            id="wizard-sizeGb"
            label="Size (GB)"
            error={errors.sizeGb?.message}
            hint="Optional: whole gigabytes; empty when not known."
          >
            <input
              id="wizard-sizeGb"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              {...text('sizeGb', true)}
            />
          </WizardField>
          <label className="checkbox">
            <input type="checkbox" {...register('agentInstalled')} />
            Agent installed
          </label>
          <LabelColourChoice registration={register('labelColor')} error={errors.labelColor?.message} />
          <WizardField
            id="wizard-tags"
            label="Tags"
            error={errors.tags?.message}
            hint="Optional: key=value, separated by commas or new lines, e.g. team=web, tier=gold."
          >
            <textarea id="wizard-tags" rows={2} spellCheck={false} {...text('tags', true)} />
          </WizardField>
          <AccessChoice registration={register('access')} error={errors.access?.message} />
        </div>
      </div>
      <WizardFooter onCancel={onCancel} onBack={back} nextLabel="Next" />
    </WizardForm>
  );
}
