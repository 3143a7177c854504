import { useState, type ComponentType } from 'react';
import type { Account, Cloud, Workspace } from '@contract/index';
import { useAppInfo } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { CLOUD_LABEL } from '../../lib/clouds';
import { AwsAccountForm } from './aws/aws-account-form';
import { AzureAccountForm } from './azure/azure-account-form';
import { CloudChoice } from './cloud-choice';
import { EnvironmentChoiceContext } from './form/account-target';
import type { CloudFormProps } from './form/form-footer';
import { GcpAccountForm } from './gcp/gcp-account-form';
import { OpenStackAccountForm } from './openstack/openstack-account-form';
import { VmwareAccountForm } from './vmware/vmware-account-form';

interface AddAccountDialogProps {
  /** The window's workspace: where the account goes, and the environments it offers. */
  workspace: Workspace | null;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

const FORMS: Record<Cloud, ComponentType<CloudFormProps>> = {
  aws: AwsAccountForm,
  gcp: GcpAccountForm,
  azure: AzureAccountForm,
  openstack: OpenStackAccountForm,
  vmware: VmwareAccountForm,
};

const UNKNOWN_KEYCHAIN = { available: true, message: null };

/**
 * First the cloud, then that cloud's form. Switching clouds mounts a fresh form, so nothing typed
 * for one cloud (a secret least of all) is carried to another; closing drops every value.
 */
export function AddAccountDialog({ workspace, onClose, onSaved }: AddAccountDialogProps) {
  const info = useAppInfo();
  const [cloud, setCloud] = useState<Cloud>('aws');
  const [environmentId, setEnvironmentId] = useState('');
  const environments = workspace?.environments ?? [];
  const Form = FORMS[cloud];
  return (
    <Dialog title={`Add ${CLOUD_LABEL[cloud]} account`} onClose={onClose} className="dialog-wide">
      <CloudChoice value={cloud} onChange={setCloud} />
      {environments.length > 0 && (
        <div className="form-field environment-choice">
          <label htmlFor="account-environment">Environment</label>
          <select
            id="account-environment"
            value={environmentId}
            aria-describedby="account-environment-hint"
            onChange={(event) => setEnvironmentId(event.target.value)}
          >
            <option value="">None</option>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </select>
          <p id="account-environment-hint" className="field-hint">
            Optional: which of {workspace?.name}&apos;s environments the account belongs to.
          </p>
        </div>
      )}
      <EnvironmentChoiceContext.Provider value={environmentId || undefined}>
        <Form
          key={cloud}
          keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN}
          onCancel={onClose}
          onSaved={onSaved}
        />
      </EnvironmentChoiceContext.Provider>
    </Dialog>
  );
}
