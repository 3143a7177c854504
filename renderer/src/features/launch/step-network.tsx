import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorId } from '../../components/form-field';
import { ErrorMessage } from '../../components/error-message';
import { CLOUD_LABEL } from '../../lib/clouds';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { fieldInputId } from './model/launch-steps';
import { SecurityGroupForm } from './security-group-form';
import type { StepProps } from './step-props';
import { useSecurityGroups } from './use-launch-data';

const NETWORK_ID = fieldInputId('networkId');
const SUBNET_ID = fieldInputId('subnetId');
const PUBLIC_IP_ID = fieldInputId('publicIp');
const GROUPS_ID = fieldInputId('securityGroupIds');

/** Step 3: network and subnet, a public address where the cloud has one, and security groups. */
export function StepNetwork({ draft, dispatch, errors, options, choices, place, location }: StepProps) {
  const caps = options.capabilities;
  const network = options.networks.find((n) => n.id === choices.networkId) ?? null;
  const cloud = place.cloud ? CLOUD_LABEL[place.cloud] : 'This cloud';
  return (
    <>
      <div className="form-columns">
        <div className="form-column">
          {options.networks.length === 0 ? (
            <p className="muted">The cloud lists no networks here: the server goes on its default network.</p>
          ) : (
            <WizardField id={NETWORK_ID} label="Network" error={errors.networkId}>
              <select
                id={NETWORK_ID}
                value={choices.networkId ?? ''}
                data-autofocus
                {...fieldAria(NETWORK_ID, false, errors.networkId)}
                onChange={(event) => dispatch({ type: 'choose-network', networkId: event.target.value })}
              >
                {options.networks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name === n.id ? n.name : `${n.name} (${n.id})`}
                  </option>
                ))}
              </select>
            </WizardField>
          )}
          {network && network.subnets.length > 0 && (
            <WizardField id={SUBNET_ID} label="Subnet" error={errors.subnetId}>
              <select
                id={SUBNET_ID}
                value={choices.subnetId ?? ''}
                {...fieldAria(SUBNET_ID, false, errors.subnetId)}
                onChange={(event) => dispatch({ type: 'set', patch: { subnetId: event.target.value } })}
              >
                {network.subnets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {[s.name, s.cidr].filter(Boolean).join(' · ') || s.id}
                  </option>
                ))}
              </select>
            </WizardField>
          )}
        </div>
        <div className="form-column">
          {caps.publicIp ? (
            <div className="form-field">
              <label className="checkbox">
                <input
                  id={PUBLIC_IP_ID}
                  type="checkbox"
                  checked={draft.publicIp}
                  {...fieldAria(PUBLIC_IP_ID, false, errors.publicIp)}
                  onChange={(event) => dispatch({ type: 'set', patch: { publicIp: event.target.checked } })}
                />
                Public IP address
              </label>
              {errors.publicIp && (
                <p id={errorId(PUBLIC_IP_ID)} className="field-error">
                  {errors.publicIp}
                </p>
              )}
            </div>
          ) : (
            <p className="muted">{cloud} gives no public address at launch from Hangar.</p>
          )}
        </div>
      </div>
      {caps.securityGroups ? (
        <SecurityGroups
          {...{ draft, dispatch, errors }}
          place={{ accountId: place.accountId, location }}
          networkId={choices.networkId}
        />
      ) : (
        <p className="muted">
          Security groups: none to choose. {cloud} has no security groups Hangar can set at launch; the
          network’s own firewall applies.
        </p>
      )}
    </>
  );
}

interface SecurityGroupsProps extends Pick<StepProps, 'draft' | 'dispatch' | 'errors'> {
  place: { accountId: string; location: string };
  networkId: string | null;
}

function SecurityGroups({ draft, dispatch, errors, place, networkId }: SecurityGroupsProps) {
  const groups = useSecurityGroups(place, networkId, true);
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const error = errors.securityGroupIds;
  return (
    <>
      <fieldset
        id={GROUPS_ID}
        className="form-group"
        tabIndex={-1}
        aria-describedby={error ? errorId(GROUPS_ID) : undefined}
      >
        <legend>Security groups</legend>
        {groups.isPending && <p className="muted">Listing the security groups…</p>}
        {groups.isError && <ErrorMessage error={groups.error} context="Could not list the security groups" />}
        {groups.data?.length === 0 && <p className="muted">No security groups in this network yet.</p>}
        {groups.data && groups.data.length > 0 && (
          <div className="checkbox-grid">
            {groups.data.map((group) => (
              <div key={group.id} className="launch-check">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.securityGroupIds.includes(group.id)}
                    aria-describedby={`launch-group-${group.id}-about`}
                    onChange={(event) =>
                      dispatch({ type: 'toggle-group', groupId: group.id, on: event.target.checked })
                    }
                  />
                  {group.name}
                </label>
                <span id={`launch-group-${group.id}-about`} className="field-hint">
                  {[group.id !== group.name ? group.id : null, group.description].filter(Boolean).join(' · ')}
                </span>
              </div>
            ))}
          </div>
        )}
        {error && (
          <p id={errorId(GROUPS_ID)} className="field-error">
            {error}
          </p>
        )}
        {created && <p role="status">{created}</p>}
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={creating}
          onClick={() => setCreating((open) => !open)}
        >
          Create a security group…
        </button>
      </fieldset>
      {creating && (
        <SecurityGroupForm
          place={place}
          networkId={networkId}
          onCreated={(group) => {
            dispatch({ type: 'group-created', groupId: group.id });
            setCreating(false);
            setCreated(`Created security group ${group.name}; it is chosen for this server.`);
            // The form (and the focused button) is gone: back to where it was opened.
            toggleRef.current?.focus();
            void queryClient.invalidateQueries({ queryKey: ['launch:security-groups'] });
          }}
        />
      )}
    </>
  );
}
