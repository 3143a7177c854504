import type { Cloud, ConnectionCheck } from '@contract/index';

type Advice = Partial<Record<ConnectionCheck['code'], string>>;

const COMMON: Advice = {
  'untrusted-certificate': 'The server presents a certificate this computer does not trust.',
};

/** What to do next when "Test connection" fails, in each cloud's own words. */
const BY_CLOUD: Record<Cloud, Advice> = {
  aws: {
    'bad-credentials':
      'Check the access key id and secret access key (and the session token, if it expired).',
    'no-permission': 'The key is valid but may not list images: allow ec2:DescribeImages for it.',
    unreachable: 'Check the network, or the custom endpoint URL.',
    throttled: 'AWS is throttling requests: wait a moment and test again.',
  },
  gcp: {
    'bad-credentials':
      'Check the service-account key, or paste a fresh access token (they expire after about an hour).',
    'no-permission':
      'The credentials work but may not list images: grant compute.images.list (the Compute Image User role) on the project.',
    unreachable: 'Check the network, or the custom endpoint URL.',
    throttled: 'Google Cloud is throttling requests: wait a moment and test again.',
  },
  azure: {
    'bad-credentials': 'Check the tenant id, client id and client secret (client secrets expire).',
    'no-permission':
      'The app registration signs in but may not read images: give it the Reader role on the subscription.',
    unreachable: 'Check the network, or the Resource Manager endpoint and authority host.',
    throttled: 'Azure is throttling requests: wait a moment and test again.',
  },
  openstack: {
    'bad-credentials':
      'Check the username, password and domains, or the application credential id and secret.',
    'no-permission': 'The user may not list images in this project: check its role assignment.',
    unreachable: 'Check the network, the auth URL, the region and the interface.',
    throttled: 'The cloud is throttling requests: wait a moment and test again.',
  },
  vmware: {
    'bad-credentials': 'Check the vCenter username (for example administrator@vsphere.local) and password.',
    'no-permission': 'The user may not browse content libraries or templates: check its vCenter role.',
    unreachable: 'Check the network and the vCenter URL.',
    'untrusted-certificate':
      'vCenter presents a self-signed certificate. Compare this fingerprint with the one vCenter shows, then trust it.',
  },
};

export function adviceFor(cloud: Cloud, code: ConnectionCheck['code']): string | null {
  return BY_CLOUD[cloud][code] ?? COMMON[code] ?? null;
}
