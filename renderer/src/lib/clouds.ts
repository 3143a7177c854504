import type { Cloud } from '@contract/index';

/** The clouds in the order the UI lists them. */
export const CLOUDS: readonly Cloud[] = ['aws', 'gcp', 'azure', 'openstack', 'vmware'];

/** Full names, for choices and sentences. */
export const CLOUD_LABEL: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  openstack: 'OpenStack',
  vmware: 'VMware',
};

/** Short names, for badges in dense rows. */
export const CLOUD_SHORT: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'GCP',
  azure: 'Azure',
  openstack: 'OpenStack',
  vmware: 'VMware',
};

export function isCloud(value: string): value is Cloud {
  return (CLOUDS as readonly string[]).includes(value);
}

/** A label for a cloud id that may come from main as a plain string (e.g. a timeline key). */
export function cloudLabel(value: string): string {
  return isCloud(value) ? CLOUD_LABEL[value] : value;
}
