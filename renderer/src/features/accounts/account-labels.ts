import type { Cloud } from '@contract/index';

/** What an account's locations, scopes and identity are called in each cloud's own words. */
export const ACCOUNT_LABELS: Record<Cloud, { locations: string; scopes: string; identity: string }> = {
  aws: { locations: 'Regions', scopes: 'Owners', identity: 'Key' },
  gcp: { locations: 'Locations', scopes: 'Projects', identity: 'Identity' },
  azure: { locations: 'Locations', scopes: 'Publishers', identity: 'Client' },
  openstack: { locations: 'Region', scopes: 'Projects', identity: 'User' },
  vmware: { locations: 'Datacenters', scopes: 'Libraries', identity: 'User' },
};
