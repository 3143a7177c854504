import { randomBytes } from 'node:crypto';
import { resourceId } from './compute-context';
import type { ResolvedImage } from './vm-image-reference';

/**
 * A VM's `storageProfile` as Compute RP returns it: the image reference with the version Azure
 * resolved, and managed OS and data disks named and placed as Azure names them
 * (`{vm}_OsDisk_1_{hex}` in the VM's group, upper-cased as Azure writes disk ids).
 */
export function storageProfileFor(input: {
  subscriptionId: string;
  resourceGroup: string;
  vmName: string;
  given: Record<string, unknown>;
  image: ResolvedImage;
  dataDisks: Record<string, unknown>[];
}): Record<string, unknown> {
  const { vmName, given, image } = input;
  const diskId = (disk: string) =>
    resourceId(input.subscriptionId, input.resourceGroup.toUpperCase(), 'Microsoft.Compute', 'disks', disk);
  const osDisk = (given.osDisk ?? {}) as Record<string, unknown>;
  const osManaged = (osDisk.managedDisk ?? {}) as Record<string, unknown>;
  const osDiskName = `${vmName}_OsDisk_1_${randomBytes(16).toString('hex')}`;
  return {
    imageReference: {
      ...(given.imageReference as Record<string, unknown>),
      ...(image.exactVersion ? { exactVersion: image.exactVersion } : {}),
    },
    osDisk: {
      osType: image.osType,
      name: osDiskName,
      createOption: 'FromImage',
      caching: 'ReadWrite',
      managedDisk: {
        storageAccountType: osManaged.storageAccountType ?? 'Premium_LRS',
        id: diskId(osDiskName),
      },
      deleteOption: osDisk.deleteOption ?? 'Detach',
      diskSizeGB: Math.max(Number(osDisk.diskSizeGB ?? 0), image.sizeGb),
    },
    dataDisks: input.dataDisks.map((disk) => {
      const diskName = `${vmName}_DataDisk_${String(disk.lun)}_${randomBytes(16).toString('hex')}`;
      const managed = (disk.managedDisk ?? {}) as Record<string, unknown>;
      return {
        ...disk,
        name: diskName,
        createOption: disk.createOption ?? 'Empty',
        caching: disk.caching ?? 'None',
        managedDisk: {
          ...managed,
          storageAccountType: managed.storageAccountType ?? 'Premium_LRS',
          id: diskId(diskName),
        },
        deleteOption: disk.deleteOption ?? 'Detach',
        toBeDetached: false,
      };
    }),
    diskControllerType: 'SCSI',
  };
}
