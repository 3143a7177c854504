import type { Cloud } from '@contract/index';

/**
 * The disk types each cloud names (its own words), or null where they are the deployment's own
 * (Cinder volume types): then the type is typed, not chosen.
 */
export const VOLUME_TYPES: Record<Cloud, readonly string[] | null> = {
  aws: ['gp3', 'gp2', 'io2', 'io1', 'st1', 'sc1', 'standard'],
  gcp: ['pd-balanced', 'pd-ssd', 'pd-standard', 'pd-extreme', 'hyperdisk-balanced'],
  azure: ['StandardSSD_LRS', 'Premium_LRS', 'Standard_LRS', 'PremiumV2_LRS', 'UltraSSD_LRS'],
  openstack: null,
  vmware: ['thin', 'thick', 'eagerZeroedThick'],
};

/** What a "KMS key" is on each cloud, or null where a volume takes none at launch. */
export const KMS_HINT: Record<Cloud, string | null> = {
  aws: 'Optional: a KMS key id, alias or ARN; blank uses the account’s default EBS key.',
  gcp: 'Optional: a Cloud KMS key name (projects/…/cryptoKeys/…); blank uses Google-managed keys.',
  azure: 'Optional: a disk encryption set id; blank uses platform-managed keys.',
  openstack: null,
  vmware: null,
};
