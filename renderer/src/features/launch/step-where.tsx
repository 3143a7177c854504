import type { Dispatch } from 'react';
import type { LaunchOptions } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { useChannelQuery } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { CLOUD_LABEL } from '../../lib/clouds';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { plural } from '../../lib/format';
import { formatMemory } from './model/flavors';
import { fieldInputId } from './model/launch-steps';
import type { LaunchAction, LaunchDraft } from './model/launch-draft';
import { defaultZone, placeLabel, type LaunchSource, type PlaceChoice } from './model/place-choices';

interface StepWhereProps {
  source: LaunchSource;
  title: string;
  places: readonly PlaceChoice[];
  place: PlaceChoice | null;
  draft: LaunchDraft;
  dispatch: Dispatch<LaunchAction>;
  errors: Record<string, string>;
  options: { data: LaunchOptions | undefined; isFetching: boolean; error: unknown; retry: () => void };
}

const PLACE_ID = fieldInputId('account');
const ZONE_ID = fieldInputId('location');
const RESOURCE_ID = fieldInputId('computeResource');

/** Step 1: which account and location; for a record only where it maps to, for an image its own. */
export function StepWhere({
  source,
  title,
  places,
  place,
  draft,
  dispatch,
  errors,
  options,
}: StepWhereProps) {
  const choose = (placeId: string) => {
    const next = places.find((p) => p.id === placeId) ?? null;
    dispatch({ type: 'choose-place', placeId, zone: defaultZone(next) });
  };
  const placeError = errors.account ?? errors.accountId;
  return (
    <>
      <p>
        Launching <strong>{title}</strong>
        {source.kind === 'image' && <span className="muted mono"> ({source.imageId})</span>}.
      </p>
      <WizardField
        id={PLACE_ID}
        label="Account and location"
        error={placeError}
        hint={
          source.kind === 'record'
            ? 'Only where this record maps to an image.'
            : 'Where this image is: it launches there.'
        }
        required
      >
        <select
          id={PLACE_ID}
          value={draft.placeId}
          aria-required="true"
          data-autofocus
          {...fieldAria(PLACE_ID, true, placeError)}
          onChange={(event) => choose(event.target.value)}
        >
          {draft.placeId === '' && <option value="">Choose where…</option>}
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {placeLabel(p)}
            </option>
          ))}
        </select>
      </WizardField>
      {place?.cloud === 'gcp' && (
        <WizardField
          id={ZONE_ID}
          label="Zone"
          error={errors.location}
          hint="Compute Engine images are global; a server is made in one zone, such as us-central1-a."
          required
        >
          <input
            id={ZONE_ID}
            type="text"
            autoComplete="off"
            spellCheck={false}
            list={`${ZONE_ID}-choices`}
            value={draft.zone}
            aria-required="true"
            {...fieldAria(ZONE_ID, true, errors.location)}
            onChange={(event) => dispatch({ type: 'set-place-detail', patch: { zone: event.target.value } })}
          />
          <ZoneChoices id={`${ZONE_ID}-choices`} accountId={place.accountId} />
        </WizardField>
      )}
      {place?.cloud === 'vmware' && place.computeResource === null && (
        <WizardField
          id={RESOURCE_ID}
          label="Cluster or resource pool"
          error={errors.computeResource}
          hint="Optional: where vCenter places the VM; blank uses the template's own."
        >
          <input
            id={RESOURCE_ID}
            type="text"
            autoComplete="off"
            value={draft.computeResource}
            {...fieldAria(RESOURCE_ID, true, errors.computeResource)}
            onChange={(event) =>
              dispatch({ type: 'set-place-detail', patch: { computeResource: event.target.value } })
            }
          />
        </WizardField>
      )}
      {place && <OptionsStatus place={place} options={options} />}
    </>
  );
}

/** The project's zones as suggestions; typing stays possible if they cannot be listed. */
function ZoneChoices({ id, accountId }: { id: string; accountId: string }) {
  const workspaceId = useWorkspaceId();
  const zones = useChannelQuery('launch:placements', { workspaceId, accountId });
  return (
    <datalist id={id}>
      {(zones.data ?? []).map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}

function OptionsStatus({ place, options }: { place: PlaceChoice; options: StepWhereProps['options'] }) {
  const cloud = place.cloud ? CLOUD_LABEL[place.cloud] : 'the cloud';
  if (options.error && !options.isFetching)
    return (
      <div className="launch-options-error">
        <ErrorMessage error={options.error} context={`Could not ask ${cloud} what it offers here`} />
        <button type="button" onClick={options.retry}>
          Try again
        </button>
      </div>
    );
  if (!options.data)
    return (
      <p role="status" className="muted">
        {options.isFetching ? `Asking ${cloud} for flavors, networks and key pairs…` : ''}
      </p>
    );
  const { image, flavors, networks, keyPairs } = options.data;
  const needs = [
    image.architecture !== 'unknown' ? image.architecture : null,
    image.minDiskGb ? `at least ${image.minDiskGb} GB of disk` : null,
    image.minRamMiB ? `at least ${formatMemory(image.minRamMiB)} of memory` : null,
  ].filter(Boolean);
  return (
    <p role="status" className="muted">
      {cloud} offers {plural(flavors.length, 'flavor')}, {plural(networks.length, 'network')} and{' '}
      {plural(keyPairs.length, 'key pair')} here.
      {needs.length > 0 && ` The image needs ${needs.join(', ')}.`}
    </p>
  );
}
