import type { Cloud } from '@contract/index';
import type { ProviderModule } from './provider-module';
import { awsProvider } from './aws/aws-provider';
import { gcpProvider } from './gcp/gcp-provider';
import { azureProvider } from './azure/azure-provider';
import { vmwareProvider } from './vmware/vmware-provider';
import { openstackProvider } from './openstack';

// Each cloud's connection and secret types differ; the registry hands them out by cloud, and the
// callers parse connection and secret with that cloud's contract schemas first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = ProviderModule<any, any>;

const providers: Partial<Record<Cloud, AnyProvider>> = {
  aws: awsProvider,
  gcp: gcpProvider,
  azure: azureProvider,
  openstack: openstackProvider,
  vmware: vmwareProvider,
};

/** The provider of a cloud, or null when this build has no driver for it yet. */
export function providerFor(cloud: Cloud): AnyProvider | null {
  return providers[cloud] ?? null;
}

export const cloudLabels: Record<Cloud, string> = {
  aws: 'Amazon Web Services',
  gcp: 'Google Cloud',
  azure: 'Microsoft Azure',
  openstack: 'OpenStack',
  vmware: 'VMware vSphere',
};
