import type { Cloud } from '@contract/index';

/** The account and source shapes the catalog engine reads from app state (id, cloud, name only). */
export interface SyntheticAccount {
  id: string;
  cloud: Cloud;
  name: string;
}

/** Which publisher's images a source holds; decides names, dates and the raw object's shape. */
export type Publisher =
  | 'aws-canonical'
  | 'aws-amazon'
  | 'aws-marketplace'
  | 'aws-self'
  | 'gcp-public'
  | 'gcp-self'
  | 'azure-marketplace'
  | 'azure-managed'
  | 'openstack'
  | 'vmware';

export interface SyntheticSource {
  id: string;
  accountId: string;
  cloud: Cloud;
  location: string;
  owner: string;
  publisher: Publisher;
  size: number;
}

export interface SyntheticPlan {
  accounts: SyntheticAccount[];
  sources: SyntheticSource[];
  total: number;
}

const AWS_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
];
const AZURE_LOCATIONS = [
  'eastus',
  'eastus2',
  'westus2',
  'westeurope',
  'northeurope',
  'uksouth',
  'southeastasia',
  'australiaeast',
];
const GCP_PROJECTS = [
  'ubuntu-os-cloud',
  'debian-cloud',
  'rhel-cloud',
  'windows-cloud',
  'cos-cloud',
  'rocky-linux-cloud',
  'suse-cloud',
  'fedora-coreos-cloud',
];

interface Template {
  account: SyntheticAccount;
  locations: readonly string[];
  owner: string;
  publisher: Publisher;
  /** Relative size of one such source; big marketplace regions dominate, as in real catalogs. */
  weight: number;
}

/**
 * A realistic spread for a consultant's cache: two AWS accounts over many regions (public
 * publishers plus their own images), a GCP project with the public image projects, an Azure
 * subscription's Marketplace per location, an OpenStack cloud and a vSphere content library.
 * The same plan at any total: sources keep their shares, so 100k and 1M differ only in depth.
 */
export function planCatalog(total: number): SyntheticPlan {
  const awsProd: SyntheticAccount = { id: 'aws-prod', cloud: 'aws', name: 'Production (AWS)' };
  const awsClient: SyntheticAccount = { id: 'aws-client-b', cloud: 'aws', name: 'Client B (AWS)' };
  const gcp: SyntheticAccount = { id: 'gcp-main', cloud: 'gcp', name: 'Platform (GCP)' };
  const azure: SyntheticAccount = { id: 'azure-sub', cloud: 'azure', name: 'Enterprise (Azure)' };
  const openstack: SyntheticAccount = { id: 'os-lab', cloud: 'openstack', name: 'Lab (OpenStack)' };
  const vmware: SyntheticAccount = { id: 'vsphere-dc', cloud: 'vmware', name: 'Datacenter (vSphere)' };
  const templates: Template[] = [
    { account: awsProd, locations: AWS_REGIONS, owner: 'amazon', publisher: 'aws-amazon', weight: 3 },
    {
      account: awsProd,
      locations: AWS_REGIONS,
      owner: '099720109477',
      publisher: 'aws-canonical',
      weight: 3,
    },
    {
      account: awsProd,
      locations: AWS_REGIONS,
      owner: 'aws-marketplace',
      publisher: 'aws-marketplace',
      weight: 9,
    },
    { account: awsProd, locations: AWS_REGIONS, owner: 'self', publisher: 'aws-self', weight: 0.3 },
    {
      account: awsClient,
      locations: AWS_REGIONS.slice(0, 6),
      owner: 'self',
      publisher: 'aws-self',
      weight: 0.3,
    },
    {
      account: awsClient,
      locations: AWS_REGIONS.slice(0, 6),
      owner: 'amazon',
      publisher: 'aws-amazon',
      weight: 3,
    },
    ...GCP_PROJECTS.map((project) => ({
      account: gcp,
      locations: ['global'],
      owner: project,
      publisher: 'gcp-public' as const,
      weight: 0.6,
    })),
    { account: gcp, locations: ['global'], owner: 'self', publisher: 'gcp-self', weight: 0.3 },
    {
      account: azure,
      locations: AZURE_LOCATIONS,
      owner: 'marketplace',
      publisher: 'azure-marketplace',
      weight: 4,
    },
    {
      account: azure,
      locations: AZURE_LOCATIONS,
      owner: 'managed-images',
      publisher: 'azure-managed',
      weight: 0.2,
    },
    {
      account: openstack,
      locations: ['RegionOne', 'RegionTwo'],
      owner: 'public',
      publisher: 'openstack',
      weight: 0.5,
    },
    {
      account: vmware,
      locations: ['dc-east', 'dc-west'],
      owner: 'content-library',
      publisher: 'vmware',
      weight: 0.2,
    },
  ];
  const slots = templates.flatMap((template) =>
    template.locations.map((location) => ({ template, location })),
  );
  const weights = slots.reduce((sum, slot) => sum + slot.template.weight, 0);
  const sources = slots.map(({ template, location }) => ({
    id: `${template.account.id}.${location}.${template.owner}`,
    accountId: template.account.id,
    cloud: template.account.cloud,
    location,
    owner: template.owner,
    publisher: template.publisher,
    size: Math.max(1, Math.round((total * template.weight) / weights)),
  }));
  return {
    accounts: [awsProd, awsClient, gcp, azure, openstack, vmware],
    sources,
    total: sources.reduce((sum, source) => sum + source.size, 0),
  };
}
