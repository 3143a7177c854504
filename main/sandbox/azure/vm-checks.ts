import { computeErrors } from './compute-arm-errors';
import { refId, same, type ComputeContext } from './compute-context';
import { diskEncryptionSetId, sizeNamed, sizesIn, type SeedSize } from './compute-seed';
import type { ResolvedImage } from './vm-image-reference';

/** The VM size, known in the location and open to this subscription. */
export function checkSize(location: string, hardwareProfile: unknown): SeedSize {
  const name = String((hardwareProfile as { vmSize?: unknown } | null)?.vmSize ?? '');
  const size = sizeNamed(location, name);
  if (!size) {
    throw computeErrors.invalidParameter(
      'vmSize',
      `The value ${name || '(none)'} provided for the VM size is not valid. The valid sizes in the current region are: ${sizesIn(
        location,
      )
        .map((s) => s.name)
        .join(',')}.`,
    );
  }
  if (size.restricted) throw computeErrors.skuNotAvailable(size.name, location);
  return size;
}

const KEY_TYPES = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256) [A-Za-z0-9+/=]{40,}( .*)?$/;

/**
 * `osProfile` as Compute RP checks it for a Linux image: an admin user, SSH keys at that user's
 * authorized_keys only, keys in OpenSSH format, customData in base64.
 */
export function checkOsProfile(osProfile: unknown, image: ResolvedImage): void {
  const profile = (osProfile ?? {}) as Record<string, unknown>;
  const admin = String(profile.adminUsername ?? '');
  if (
    !/^[a-z_][a-z0-9_-]{0,63}$/i.test(admin) ||
    ['root', 'admin', 'administrator'].includes(admin.toLowerCase())
  )
    throw computeErrors.invalidParameter('adminUsername', `The Admin Username specified is not allowed.`);
  const linux = profile.linuxConfiguration as
    | {
        disablePasswordAuthentication?: boolean;
        ssh?: { publicKeys?: { path?: string; keyData?: string }[] };
      }
    | undefined;
  if (image.osType === 'Windows' && linux)
    throw computeErrors.invalidParameter(
      'linuxConfiguration',
      'The property linuxConfiguration cannot be specified for a VM created from a Windows image.',
    );
  if (image.osType === 'Windows' && typeof profile.adminPassword !== 'string')
    throw computeErrors.invalidParameter(
      'adminPassword',
      'Required parameter adminPassword is missing (null).',
    );
  const keys = linux?.ssh?.publicKeys ?? [];
  const expected = `/home/${admin}/.ssh/authorized_keys`;
  for (const key of keys) {
    if (key.path !== expected)
      throw computeErrors.invalidParameter(
        'linuxConfiguration.ssh.publicKeys.path',
        `Destination path for SSH public keys is currently limited to its default value ${expected} due to a known issue in Linux provisioning agent.`,
      );
    if (!KEY_TYPES.test(String(key.keyData ?? '').trim()))
      throw computeErrors.invalidParameter(
        'linuxConfiguration.ssh.publicKeys.keyData',
        'The value of parameter linuxConfiguration.ssh.publicKeys.keyData is invalid.',
      );
  }
  if (image.osType === 'Linux' && linux?.disablePasswordAuthentication && keys.length === 0)
    throw computeErrors.invalidParameter(
      'linuxConfiguration.ssh.publicKeys',
      'Authentication using either SSH or by user name and password must be enabled in Linux profile.',
    );
  const customData = profile.customData;
  if (customData !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(String(customData)))
    throw computeErrors.invalidParameter('customData', 'The value of parameter customData is invalid.');
}

/** Data disks: unique LUNs, sizes Azure takes, encryption sets that exist in the location. */
export function checkDataDisks(
  ctx: ComputeContext,
  disks: unknown,
  size: SeedSize,
  location: string,
): Record<string, unknown>[] {
  const list = Array.isArray(disks) ? (disks as Record<string, unknown>[]) : [];
  if (list.length > size.maxDataDisks)
    throw computeErrors.operationNotAllowed(
      `The maximum number of data disks allowed to be attached to a VM of this size is ${size.maxDataDisks}.`,
    );
  const luns = new Set<number>();
  for (const disk of list) {
    const lun = disk.lun;
    if (typeof lun !== 'number' || !Number.isInteger(lun) || lun < 0 || lun > 63 || luns.has(lun))
      throw computeErrors.invalidParameter(
        'dataDisks.lun',
        `The value of parameter dataDisk.lun is invalid: ${String(lun)}.`,
      );
    luns.add(lun);
    const sizeGb = disk.diskSizeGB;
    if (typeof sizeGb !== 'number' || sizeGb < 1 || sizeGb > 32767)
      throw computeErrors.invalidParameter(
        'dataDisks.diskSizeGB',
        `Disk size ${String(sizeGb)} GB is not in the allowed range 1-32767.`,
      );
    const des = refId((disk.managedDisk as { diskEncryptionSet?: unknown } | undefined)?.diskEncryptionSet);
    if (des && !same(des, diskEncryptionSetId(ctx.subscriptionId, location)))
      throw computeErrors.notFound(
        'Microsoft.Compute/diskEncryptionSets',
        des.split('/').pop() ?? des,
        des.split('/')[4] ?? '',
      );
  }
  return list;
}
