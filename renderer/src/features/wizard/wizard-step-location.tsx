import { useState, type Dispatch, type FormEvent } from 'react';
import type { Account, Cloud, Source, Workspace } from '@contract/index';
import { errorId } from '../../components/form-field';
import { CLOUD_LABEL, CLOUDS } from '../../lib/clouds';
import { WizardField, fieldAria } from './wizard-field';
import { WizardFooter } from './wizard-footer';
import { WizardForm } from './wizard-form';
import { cloudsWithAccounts, locationErrors, locationsOf, onlyChoice } from './model/wizard-rules';
import type { WizardAction, WizardState } from './model/wizard-state';

interface StepLocationProps {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  accounts: readonly Account[];
  sources: readonly Source[];
  workspace: Workspace | null;
  onCancel: () => void;
}

const LOCATION_WORD: Record<Cloud, string> = {
  aws: 'An AMI lives in one region.',
  gcp: 'Compute Engine images are global: one image serves every region.',
  azure: 'The Azure location the image is used in.',
  openstack: 'An image belongs to one region of the cloud.',
  vmware: 'The vCenter location whose templates are offered.',
};

/** Step 1: which cloud, through which account, in which location; and the scope of the record. */
export function WizardStepLocation({
  state,
  dispatch,
  accounts,
  sources,
  workspace,
  onCancel,
}: StepLocationProps) {
  const [attempted, setAttempted] = useState(false);
  const clouds = cloudsWithAccounts(accounts, CLOUDS);
  const cloudAccounts = accounts.filter((a) => a.cloud === state.cloud);
  const locations = locationsOf(sources, state.accountId);
  const errors = attempted ? locationErrors(state, { accounts, sources }) : {};
  const environments = workspace?.environments ?? [];
  const atWorkspaceLevel = state.environmentId === '';

  const chooseCloud = (cloud: Cloud) => {
    const accountId = onlyChoice(accounts.filter((a) => a.cloud === cloud).map((a) => a.id));
    dispatch({
      type: 'choose-cloud',
      cloud,
      accountId,
      location: onlyChoice(locationsOf(sources, accountId)),
    });
  };
  const chooseAccount = (accountId: string) =>
    dispatch({ type: 'choose-account', accountId, location: onlyChoice(locationsOf(sources, accountId)) });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const found = locationErrors(state, { accounts, sources });
    if (Object.keys(found).length === 0) dispatch({ type: 'go', step: 'image' });
    else
      document
        .getElementById(
          found.cloud ? 'wizard-cloud-group' : found.account ? 'wizard-account' : 'wizard-location',
        )
        ?.focus();
  };

  if (clouds.length === 0) {
    return (
      <WizardForm onSubmit={(event) => event.preventDefault()}>
        <p>
          This workspace has no accounts yet. Add one from the Accounts panel, then register its images here.
        </p>
        <WizardFooter onCancel={onCancel} />
      </WizardForm>
    );
  }

  return (
    <WizardForm onSubmit={onSubmit}>
      <fieldset
        id="wizard-cloud-group"
        className="cloud-choice wizard-cloud-choice"
        role="radiogroup"
        aria-label="Cloud"
        aria-describedby={errors.cloud ? errorId('wizard-cloud') : undefined}
        tabIndex={-1}
      >
        <legend className="visually-hidden">Cloud</legend>
        {clouds.map((cloud) => (
          <label key={cloud} className={`cloud-option ${cloud === state.cloud ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name="wizard-cloud"
              value={cloud}
              checked={cloud === state.cloud}
              data-autofocus={cloud === state.cloud || undefined}
              onChange={() => chooseCloud(cloud)}
            />
            <span className="cloud-option-name">{CLOUD_LABEL[cloud]}</span>
          </label>
        ))}
      </fieldset>
      {errors.cloud && (
        <p id={errorId('wizard-cloud')} className="field-error">
          {errors.cloud}
        </p>
      )}
      <div className="form-columns">
        <div className="form-column">
          <WizardField id="wizard-account" label="Account" error={errors.account} required>
            <select
              id="wizard-account"
              value={state.accountId}
              aria-required="true"
              {...fieldAria('wizard-account', false, errors.account)}
              onChange={(event) => chooseAccount(event.target.value)}
            >
              {cloudAccounts.length !== 1 && <option value="">Choose an account…</option>}
              {cloudAccounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.identity ? `${account.name} (${account.identity})` : account.name}
                </option>
              ))}
            </select>
          </WizardField>
          <WizardField
            id="wizard-location"
            label="Location"
            error={errors.location}
            hint={state.cloud ? LOCATION_WORD[state.cloud] : undefined}
            required
          >
            <select
              id="wizard-location"
              value={state.location}
              aria-required="true"
              disabled={state.accountId === ''}
              {...fieldAria('wizard-location', state.cloud !== null, errors.location)}
              onChange={(event) => dispatch({ type: 'set-target', patch: { location: event.target.value } })}
            >
              {(locations.length !== 1 || !locations.includes(state.location)) && (
                <option value="">
                  {locations.length === 0 ? 'No synced location' : 'Choose a location…'}
                </option>
              )}
              {state.location !== '' && !locations.includes(state.location) && (
                <option value={state.location}>{state.location} (not set up for this account)</option>
              )}
              {locations.map((location) => (
                <option key={location} value={location}>
                  {location}
                </option>
              ))}
            </select>
          </WizardField>
        </div>
        <div className="form-column">
          <WizardField
            id="wizard-environment"
            label="Environment"
            error={undefined}
            hint="Where the record lives: the whole workspace, or one of its environments."
          >
            <select
              id="wizard-environment"
              value={state.environmentId}
              {...fieldAria('wizard-environment', true, undefined)}
              onChange={(event) => dispatch({ type: 'set', patch: { environmentId: event.target.value } })}
            >
              <option value="">Workspace level{workspace ? ` (${workspace.name})` : ''}</option>
              {environments.map((env) => (
                <option key={env.id} value={env.id}>
                  {env.name}
                </option>
              ))}
            </select>
          </WizardField>
          <div className="form-field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={atWorkspaceLevel && state.shared}
                disabled={!atWorkspaceLevel}
                aria-describedby="wizard-shared-hint"
                onChange={(event) => dispatch({ type: 'set', patch: { shared: event.target.checked } })}
              />
              Share to the environments below
            </label>
            <p id="wizard-shared-hint" className="field-hint">
              {atWorkspaceLevel
                ? 'Offered in every environment of the workspace; untick to keep it at the workspace level.'
                : 'An environment has no scopes below it: the record stays in this environment.'}
            </p>
          </div>
        </div>
      </div>
      <WizardFooter onCancel={onCancel} nextLabel="Next" />
    </WizardForm>
  );
}
