/**
 * One image as Compute Engine's REST API serialises it (`compute#image`): int64 fields are JSON
 * strings, timestamps are RFC 3339 with Google's Pacific offset, and absent fields are left out.
 */
export interface GcpImageResource {
  kind: 'compute#image';
  id: string;
  creationTimestamp: string;
  name: string;
  description?: string;
  sourceType: 'RAW';
  rawDisk?: { source: string; containerType: 'TAR' };
  deprecated?: GcpDeprecationStatus;
  status: GcpImageStatus;
  archiveSizeBytes: string;
  diskSizeGb: string;
  sourceDisk?: string;
  sourceDiskId?: string;
  licenses?: string[];
  licenseCodes?: string[];
  family?: string;
  selfLink: string;
  labels?: Record<string, string>;
  labelFingerprint: string;
  guestOsFeatures?: { type: string }[];
  storageLocations: string[];
  architecture: GcpArchitecture;
  enableConfidentialCompute?: boolean;
  satisfiesPzi?: boolean;
}

export type GcpImageStatus = 'READY' | 'PENDING' | 'FAILED' | 'DELETING';
export type GcpArchitecture = 'X86_64' | 'ARM64';

export interface GcpDeprecationStatus {
  state: 'ACTIVE' | 'DEPRECATED' | 'OBSOLETE' | 'DELETED';
  replacement?: string;
  deprecated?: string;
  obsolete?: string;
  deleted?: string;
}

/** Google serves selfLinks and license URLs under this host, whichever endpoint answered. */
export const COMPUTE_V1_BASE = 'https://www.googleapis.com/compute/v1';

export const imageSelfLink = (project: string, name: string): string =>
  `${COMPUTE_V1_BASE}/projects/${project}/global/images/${name}`;

export const licenseUrl = (qualified: string): string => {
  const [project, name] = qualified.split('/');
  return `${COMPUTE_V1_BASE}/projects/${project}/global/licenses/${name}`;
};
