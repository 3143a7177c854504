import { COMPUTE_V1_BASE } from './gcp-image-resource';

/**
 * Compute Engine resources as the v1 REST API serialises them: int64 fields are JSON strings,
 * references are full URLs under www.googleapis.com, and absent fields are left out.
 */

export interface GcpOperationError {
  code: string;
  message: string;
  errorDetails?: unknown[];
}

export interface GcpOperationResource {
  kind: 'compute#operation';
  id: string;
  name: string;
  zone?: string;
  operationType: string;
  targetLink: string;
  targetId: string;
  status: 'PENDING' | 'RUNNING' | 'DONE';
  user: string;
  progress: number;
  insertTime: string;
  startTime?: string;
  endTime?: string;
  error?: { errors: GcpOperationError[] };
  httpErrorStatusCode?: number;
  httpErrorMessage?: string;
  selfLink: string;
  selfLinkWithId: string;
}

export interface GcpMachineTypeResource {
  kind: 'compute#machineType';
  id: string;
  creationTimestamp: string;
  name: string;
  description: string;
  guestCpus: number;
  memoryMb: number;
  imageSpaceGb: number;
  maximumPersistentDisks: number;
  maximumPersistentDisksSizeGb: string;
  zone: string;
  selfLink: string;
  isSharedCpu: boolean;
  architecture?: 'X86_64' | 'ARM64';
}

export interface GcpNetworkResource {
  kind: 'compute#network';
  id: string;
  creationTimestamp: string;
  name: string;
  description: string;
  selfLink: string;
  selfLinkWithId: string;
  autoCreateSubnetworks: boolean;
  subnetworks: string[];
  routingConfig: { routingMode: 'REGIONAL' | 'GLOBAL' };
  networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL';
  mtu: number;
}

export interface GcpSubnetworkResource {
  kind: 'compute#subnetwork';
  id: string;
  creationTimestamp: string;
  name: string;
  network: string;
  ipCidrRange: string;
  gatewayAddress: string;
  region: string;
  selfLink: string;
  privateIpGoogleAccess: boolean;
  fingerprint: string;
  purpose: 'PRIVATE';
  stackType: 'IPV4_ONLY';
}

export interface GcpFirewallAllowed {
  IPProtocol: string;
  ports?: string[];
}

export interface GcpFirewallResource {
  kind: 'compute#firewall';
  id: string;
  creationTimestamp: string;
  name: string;
  description: string;
  network: string;
  priority: number;
  sourceRanges: string[];
  allowed: GcpFirewallAllowed[];
  direction: 'INGRESS' | 'EGRESS';
  targetTags?: string[];
  logConfig: { enable: boolean };
  disabled: boolean;
  selfLink: string;
}

export interface GcpAttachedDisk {
  kind: 'compute#attachedDisk';
  type: 'PERSISTENT';
  mode: 'READ_WRITE';
  source: string;
  deviceName: string;
  index: number;
  boot: boolean;
  autoDelete: boolean;
  interface: 'SCSI';
  diskSizeGb: string;
  architecture?: string;
  diskEncryptionKey?: { kmsKeyName: string };
}

export interface GcpDiskResource {
  kind: 'compute#disk';
  id: string;
  creationTimestamp: string;
  name: string;
  sizeGb: string;
  zone: string;
  status: 'CREATING' | 'READY' | 'DELETING';
  selfLink: string;
  type: string;
  sourceImage?: string;
  sourceImageId?: string;
  users?: string[];
  labels?: Record<string, string>;
  labelFingerprint: string;
  architecture?: string;
  physicalBlockSizeBytes: string;
  diskEncryptionKey?: { kmsKeyName: string };
  lastAttachTimestamp?: string;
}

export type GcpInstanceStatus =
  'PROVISIONING' | 'STAGING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'TERMINATED';

export interface GcpInstanceResource {
  kind: 'compute#instance';
  id: string;
  creationTimestamp: string;
  name: string;
  description?: string;
  tags: { items?: string[]; fingerprint: string };
  machineType: string;
  status: GcpInstanceStatus;
  zone: string;
  canIpForward: boolean;
  networkInterfaces: {
    kind: 'compute#networkInterface';
    network: string;
    subnetwork: string;
    networkIP: string;
    name: string;
    accessConfigs?: {
      kind: 'compute#accessConfig';
      type: 'ONE_TO_ONE_NAT';
      name: string;
      natIP: string;
      networkTier: 'PREMIUM' | 'STANDARD';
    }[];
    fingerprint: string;
    stackType: 'IPV4_ONLY';
  }[];
  disks: GcpAttachedDisk[];
  metadata: { kind: 'compute#metadata'; fingerprint: string; items?: { key: string; value: string }[] };
  selfLink: string;
  scheduling: {
    onHostMaintenance: 'MIGRATE';
    automaticRestart: boolean;
    preemptible: boolean;
    provisioningModel: 'STANDARD';
  };
  cpuPlatform: string;
  labels?: Record<string, string>;
  labelFingerprint: string;
  startRestricted: boolean;
  deletionProtection: boolean;
  fingerprint: string;
  lastStartTimestamp?: string;
}

/** Full resource URLs as Compute writes them into every reference. */
export const urls = {
  project: (project: string): string => `${COMPUTE_V1_BASE}/projects/${project}`,
  zone: (project: string, zone: string): string => `${COMPUTE_V1_BASE}/projects/${project}/zones/${zone}`,
  region: (project: string, region: string): string =>
    `${COMPUTE_V1_BASE}/projects/${project}/regions/${region}`,
  global: (project: string, collection: string, name: string): string =>
    `${COMPUTE_V1_BASE}/projects/${project}/global/${collection}/${name}`,
  zonal: (project: string, zone: string, collection: string, name: string): string =>
    `${COMPUTE_V1_BASE}/projects/${project}/zones/${zone}/${collection}/${name}`,
  regional: (project: string, region: string, collection: string, name: string): string =>
    `${COMPUTE_V1_BASE}/projects/${project}/regions/${region}/${collection}/${name}`,
};

/** us-central1-a → us-central1. */
export const regionOfZone = (zone: string): string => zone.replace(/-[a-z]$/, '');

/**
 * A reference as a request may give it — a full URL, `projects/P/…`, or a path relative to the
 * project (`zones/Z/machineTypes/M`, `global/networks/N`) — as `projects/P/…`.
 */
export function referencePath(value: string, project: string): string {
  const trimmed = value.replace(/^https?:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\//, '');
  return trimmed.startsWith('projects/') ? trimmed : `projects/${project}/${trimmed}`;
}
