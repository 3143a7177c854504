import type { Flavor } from '../../compute-driver';

/**
 * vSphere has no flavors: a VM gets whatever CPU and memory its configuration says. Hangar offers
 * a short, fixed list of common sizes instead of pretending to list something from vCenter, and
 * applies the chosen one at deploy (numCPUs / memoryMB). Disks come from the template (diskGb
 * null), and the architecture is the host's (null): vSphere does not tie a size to either.
 */
const SIZES: readonly (readonly [vcpus: number, memoryGiB: number])[] = [
  [1, 1],
  [2, 4],
  [4, 8],
  [8, 16],
  [16, 64],
];

export const VMWARE_SIZES: readonly Flavor[] = SIZES.map(([vcpus, memoryGiB]) => ({
  id: `cpu${vcpus}-mem${memoryGiB * 1024}`,
  name: `${vcpus} vCPU, ${memoryGiB} GiB memory`,
  vcpus,
  memoryMiB: memoryGiB * 1024,
  diskGb: null,
  architecture: null,
}));

export interface VmSize {
  numCpus: number;
  memoryMb: number;
}

/**
 * The CPU and memory a size id names: one of the list, or any "cpuN-memM" with a sensible shape
 * (vSphere takes memory in multiples of 4 MB), so a registry record made elsewhere still works.
 */
export function sizeOf(flavorId: string): VmSize | null {
  const match = /^cpu(\d{1,3})-mem(\d{3,7})$/.exec(flavorId.trim());
  if (!match) return null;
  const numCpus = Number(match[1]);
  const memoryMb = Number(match[2]);
  if (numCpus < 1 || numCpus > 768 || memoryMb < 128 || memoryMb % 4 !== 0) return null;
  return { numCpus, memoryMb };
}
