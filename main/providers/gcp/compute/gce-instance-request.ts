import type { protos } from '@google-cloud/compute';
import { CloudError } from '../../driver';
import type { LaunchSpec, VolumeSpec } from '../../compute-driver';
import { networkPath, subnetworkPath } from './gce-names';

type Instance = protos.google.cloud.compute.v1.IInstance;
type AttachedDisk = protos.google.cloud.compute.v1.IAttachedDisk;

const refuse = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });

/** The disk types a data volume may ask for; null takes pd-balanced, Compute's default. */
export const GCE_DISK_TYPES = [
  'pd-balanced',
  'pd-ssd',
  'pd-standard',
  'pd-extreme',
  'hyperdisk-balanced',
] as const;

/** The user Hangar's key is installed for: `ssh hangar@ADDRESS`. */
export const SSH_USER = 'hangar';

const PUBLIC_KEY =
  /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/=]+( [^\r\n]*)?$/;
const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

/** The `ssh-keys` metadata entry: `USER:KEY`, which the guest agent turns into an account. */
export function sshKeysEntry(publicKey: string): string {
  const key = publicKey.trim();
  if (!PUBLIC_KEY.test(key)) {
    throw refuse(
      'The public key is not an OpenSSH public key on one line (ssh-ed25519 AAAA… or ssh-rsa AAAA…).',
    );
  }
  return `${SSH_USER}:${key}`;
}

/**
 * A script runs through the guest agent's `startup-script`; anything else (#cloud-config, MIME
 * multipart) goes to `user-data`, which cloud-init reads on the images that ship it (Ubuntu,
 * Container-Optimized OS …).
 */
export function userDataEntry(userData: string): { key: string; value: string } {
  return userData.startsWith('#!')
    ? { key: 'startup-script', value: userData }
    : { key: 'user-data', value: userData };
}

function dataDisk(zone: string, instance: string, volume: VolumeSpec, index: number): AttachedDisk {
  const type = volume.type ?? 'pd-balanced';
  if (!(GCE_DISK_TYPES as readonly string[]).includes(type)) {
    throw refuse(
      `"${type.slice(0, 40)}" is not a Compute Engine disk type: choose ${GCE_DISK_TYPES.join(', ')}.`,
    );
  }
  if (!Number.isInteger(volume.sizeGb) || volume.sizeGb < 1)
    throw refuse('A data volume needs a whole number of GB, at least 1.');
  const kms = volume.kmsKeyId?.trim() || null;
  if (kms && !KMS_KEY.test(kms)) {
    throw refuse('The KMS key must be a Cloud KMS key name: projects/P/locations/L/keyRings/R/cryptoKeys/K.');
  }
  // Every persistent disk is encrypted at rest; `encrypted` without a key means Google-managed keys.
  return {
    boot: false,
    autoDelete: true,
    type: 'PERSISTENT',
    mode: 'READ_WRITE',
    // The guest sees it as /dev/disk/by-id/google-data-N, which first-boot RAID scripts can name.
    deviceName: `data-${index + 1}`,
    initializeParams: {
      diskName: `${instance}-data-${index + 1}`,
      diskSizeGb: String(volume.sizeGb),
      diskType: `zones/${zone}/diskTypes/${type}`,
    },
    ...(kms ? { diskEncryptionKey: { kmsKeyName: kms } } : {}),
  };
}

export interface InstancePlan {
  project: string;
  zone: string;
  region: string;
  /** `projects/P/global/images/NAME`. */
  imagePath: string;
  labels: Record<string, string>;
  /** Network tags: the target tags of the firewalls the user chose. */
  networkTags: string[];
}

/** The `Instance` body of `instances.insert` for one server of a launch. */
export function instanceResource(spec: LaunchSpec, name: string, plan: InstancePlan): Instance {
  const { project, zone, region } = plan;
  const items: { key: string; value: string }[] = [];
  if (spec.publicKey) items.push({ key: 'ssh-keys', value: sshKeysEntry(spec.publicKey) });
  if (spec.userData) items.push(userDataEntry(spec.userData));
  const nic: protos.google.cloud.compute.v1.INetworkInterface = {};
  if (spec.subnetId) nic.subnetwork = subnetworkPath(project, region, spec.subnetId);
  if (spec.networkId) nic.network = networkPath(project, spec.networkId);
  if (!spec.subnetId && !spec.networkId) nic.network = `projects/${project}/global/networks/default`;
  if (spec.publicIp)
    nic.accessConfigs = [{ type: 'ONE_TO_ONE_NAT', name: 'External NAT', networkTier: 'PREMIUM' }];
  return {
    name,
    machineType: `zones/${zone}/machineTypes/${spec.flavorId}`,
    disks: [
      {
        boot: true,
        autoDelete: true,
        type: 'PERSISTENT',
        mode: 'READ_WRITE',
        initializeParams: { sourceImage: plan.imagePath, diskType: `zones/${zone}/diskTypes/pd-balanced` },
      },
      ...spec.volumes.map((volume, i) => dataDisk(zone, name, volume, i)),
    ],
    networkInterfaces: [nic],
    metadata: { items },
    labels: plan.labels,
    tags: { items: plan.networkTags },
  };
}
