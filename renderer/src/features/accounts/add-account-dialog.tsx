import { useState, type ComponentType } from 'react';
import type { Account, Cloud } from '@contract/index';
import { useAppInfo } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { CLOUD_LABEL } from '../../lib/clouds';
import { AwsAccountForm } from './aws/aws-account-form';
import { AzureAccountForm } from './azure/azure-account-form';
import { CloudChoice } from './cloud-choice';
import type { CloudFormProps } from './form/form-footer';
import { GcpAccountForm } from './gcp/gcp-account-form';
import { OpenStackAccountForm } from './openstack/openstack-account-form';
import { VmwareAccountForm } from './vmware/vmware-account-form';

interface AddAccountDialogProps {
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
export function AddAccountDialog({ onClose, onSaved }: AddAccountDialogProps) {
  const info = useAppInfo();
  const [cloud, setCloud] = useState<Cloud>('aws');
  const Form = FORMS[cloud];
  return (
    <Dialog title={`Add ${CLOUD_LABEL[cloud]} account`} onClose={onClose} className="dialog-wide">
      <CloudChoice value={cloud} onChange={setCloud} />
      <Form
        key={cloud}
        keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </Dialog>
  );
}
