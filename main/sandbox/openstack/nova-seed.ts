/** The stand-in's flavors and Cinder volume types: devstack's set plus an Arm and a volume-backed one. */

export interface SeedFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  extraSpecs: Record<string, string>;
  description: string | null;
}

const flavor = (
  id: string,
  name: string,
  vcpus: number,
  ram: number,
  disk: number,
  extraSpecs: Record<string, string> = {},
): SeedFlavor => ({ id, name, vcpus, ram, disk, extraSpecs, description: null });

export const SEED_FLAVORS: readonly SeedFlavor[] = [
  flavor('1', 'm1.tiny', 1, 512, 1),
  flavor('2', 'm1.small', 1, 2048, 20),
  flavor('3', 'm1.medium', 2, 4096, 40),
  flavor('4', 'm1.large', 4, 8192, 80),
  flavor('5', 'm1.xlarge', 8, 16384, 160),
  flavor('42', 'm1.nano', 1, 192, 1),
  flavor('84', 'm1.micro', 1, 256, 1),
  flavor('c1', 'cirros256', 1, 256, 1),
  flavor('d2', 'ds1G', 1, 1024, 10),
  flavor('d3', 'ds2G', 2, 2048, 10),
  flavor('d4', 'ds4G', 4, 4096, 20),
  flavor('a1.large', 'a1.large', 2, 4096, 40, {
    'capabilities:cpu_arch': 'aarch64',
    'hw:cpu_policy': 'shared',
  }),
  // Disk 0: the root disk is as large as the image (or a volume the user brings).
  flavor('v1.medium', 'v1.medium', 2, 4096, 0),
];

export const VOLUME_TYPES: readonly string[] = ['__DEFAULT__', 'lvmdriver-1', 'ssd', 'luks'];
