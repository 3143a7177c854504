import type { DataDisk, ImageReference, VirtualMachine } from '@azure/arm-compute';
import type { NetworkInterface, PublicIPAddress } from '@azure/arm-network';
import type { LaunchSpec, VolumeSpec } from '../../compute-driver';
import {
  computerNameFor,
  imageReferenceFor,
  isDiskEncryptionSetId,
  isSecurityGroupId,
  isSubnetId,
} from './compute-ids';
import { invalidRequest } from './compute-errors';

/** The admin user every Hangar-launched Linux VM gets; the user's key lands in its authorized_keys. */
export const ADMIN_USER = 'hangar';
/** Tag that ties a public IP to the VM it was created for, so terminating removes only Hangar's own. */
export const CREATED_FOR_TAG = 'hangar-created-for';

const LOCATION = /^[a-z0-9]{3,40}$/;
const OPENSSH_KEY = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$/;
const DISK_TYPES = new Set([
  'Standard_LRS',
  'StandardSSD_LRS',
  'Premium_LRS',
  'PremiumV2_LRS',
  'UltraSSD_LRS',
  'StandardSSD_ZRS',
  'Premium_ZRS',
]);
/** Azure's custom data limit, before base64. */
const MAX_CUSTOM_DATA_BYTES = 65_535;

/** Azure's tag rules: 50 tags, names up to 512 without `<>%&\?/`, values up to 256. */
export function checkAzureTags(tags: Record<string, string>): void {
  const entries = Object.entries(tags);
  if (entries.length > 50)
    throw invalidRequest(`Azure takes at most 50 tags per resource; this launch has ${entries.length}.`);
  for (const [name, value] of entries) {
    if (!name || name.length > 512 || /[<>%&\\?/]/.test(name))
      throw invalidRequest(
        `"${name.slice(0, 60)}" is not an Azure tag name: up to 512 characters, without < > % & \\ ? /.`,
      );
    if (value.length > 256)
      throw invalidRequest(`The value of tag "${name.slice(0, 60)}" is longer than Azure's 256 characters.`);
  }
}

function checkVolume(volume: VolumeSpec, index: number): void {
  if (!Number.isInteger(volume.sizeGb) || volume.sizeGb < 1 || volume.sizeGb > 32_767)
    throw invalidRequest(
      `Volume ${index + 1}: Azure managed disks are 1 to 32,767 GiB, not ${volume.sizeGb}.`,
    );
  if (volume.type !== null && !DISK_TYPES.has(volume.type))
    throw invalidRequest(
      `Volume ${index + 1}: "${volume.type}" is not an Azure disk type (${[...DISK_TYPES].join(', ')}).`,
    );
  if (volume.kmsKeyId !== null && !isDiskEncryptionSetId(volume.kmsKeyId))
    throw invalidRequest(
      `Volume ${index + 1}: Azure encrypts disks with your own key through a disk encryption set; give its resource id (/subscriptions/…/providers/Microsoft.Compute/diskEncryptionSets/…).`,
    );
}

/** What Azure needs that the dialog may have left out, checked before anything is created. */
export function checkLaunchSpec(spec: LaunchSpec): { imageReference: ImageReference; subnetId: string } {
  if (!LOCATION.test(spec.location))
    throw invalidRequest(
      `"${spec.location.slice(0, 40)}" is not an Azure location: choose one such as westeurope.`,
    );
  const imageReference = imageReferenceFor(spec.imageId);
  if (!imageReference)
    throw invalidRequest(
      `"${spec.imageId.slice(0, 160)}" is not an Azure image id: a Marketplace URN or a managed image / gallery image version resource id.`,
    );
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > 20)
    throw invalidRequest('Launch between 1 and 20 servers at a time.');
  if (!spec.subnetId || !isSubnetId(spec.subnetId))
    throw invalidRequest(
      'Choose a subnet: every Azure VM’s network interface lives in a subnet of a virtual network.',
    );
  if (spec.securityGroupIds.length > 1)
    throw invalidRequest('Azure attaches one network security group to a network interface: choose one.');
  if (spec.securityGroupIds.some((id) => !isSecurityGroupId(id)))
    throw invalidRequest('A security group must be a network security group resource id.');
  if (!spec.publicKey) {
    throw invalidRequest(
      spec.keyName
        ? 'Azure does not keep key pairs for VMs: paste the public key (ssh-ed25519 … or ssh-rsa …) instead of a key name.'
        : `Azure needs a public key to sign in to a Linux VM (user ${ADMIN_USER}): paste an OpenSSH public key.`,
    );
  }
  if (!OPENSSH_KEY.test(spec.publicKey.trim()))
    throw invalidRequest('The public key must be in OpenSSH format, e.g. "ssh-ed25519 AAAAC3… user@host".');
  spec.volumes.forEach(checkVolume);
  if (spec.volumes.length > 64) throw invalidRequest('Azure attaches at most 64 data disks to a VM.');
  if (spec.userData !== null && Buffer.byteLength(spec.userData, 'utf8') > MAX_CUSTOM_DATA_BYTES)
    throw invalidRequest('Azure takes at most 64 KiB of custom data (user data) per VM.');
  checkAzureTags(spec.tags);
  return { imageReference, subnetId: spec.subnetId };
}

export function publicIpBody(
  location: string,
  vmName: string,
  tags: Record<string, string>,
): PublicIPAddress {
  return {
    location,
    tags: { ...tags, [CREATED_FOR_TAG]: vmName },
    sku: { name: 'Standard', tier: 'Regional' },
    publicIPAllocationMethod: 'Static',
    publicIPAddressVersion: 'IPv4',
  };
}

export function networkInterfaceBody(
  location: string,
  subnetId: string,
  securityGroupId: string | undefined,
  publicIpId: string | undefined,
  tags: Record<string, string>,
): NetworkInterface {
  return {
    location,
    tags,
    ipConfigurations: [
      {
        name: 'ipconfig1',
        primary: true,
        privateIPAllocationMethod: 'Dynamic',
        subnet: { id: subnetId },
        ...(publicIpId ? { publicIPAddress: { id: publicIpId } } : {}),
      },
    ],
    ...(securityGroupId ? { networkSecurityGroup: { id: securityGroupId } } : {}),
  };
}

function dataDisk(volume: VolumeSpec, lun: number): DataDisk {
  return {
    lun,
    createOption: 'Empty',
    diskSizeGB: volume.sizeGb,
    deleteOption: 'Delete',
    // Azure encrypts every managed disk at rest with a platform key; `encrypted` without a key
    // asks for nothing more. A key means a disk encryption set.
    managedDisk: {
      ...(volume.type ? { storageAccountType: volume.type } : {}),
      ...(volume.kmsKeyId ? { diskEncryptionSet: { id: volume.kmsKeyId } } : {}),
    },
  };
}

/** The VM: size, image, OS disk and data disks deleted with it, the user's key, custom data, tags. */
export function virtualMachineBody(
  spec: LaunchSpec,
  imageReference: ImageReference,
  vmName: string,
  nicId: string,
): VirtualMachine {
  return {
    location: spec.location,
    tags: spec.tags,
    hardwareProfile: { vmSize: spec.flavorId },
    storageProfile: {
      imageReference,
      osDisk: { createOption: 'FromImage', deleteOption: 'Delete' },
      dataDisks: spec.volumes.map(dataDisk),
    },
    osProfile: {
      computerName: computerNameFor(vmName),
      adminUsername: ADMIN_USER,
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: {
          publicKeys: [{ path: `/home/${ADMIN_USER}/.ssh/authorized_keys`, keyData: spec.publicKey?.trim() }],
        },
      },
      ...(spec.userData ? { customData: Buffer.from(spec.userData, 'utf8').toString('base64') } : {}),
    },
    networkProfile: { networkInterfaces: [{ id: nicId, primary: true, deleteOption: 'Delete' }] },
  };
}
