import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createPrng, type Prng } from '../prng';

/**
 * The images the IMGAPI stand-in serves: a manifest exactly as IMGAPI's GetImage answers it plus
 * the file bytes it describes. The bytes are deterministic filler (not a bootable disk), but the
 * manifest's size and sha1 are computed from them, so a client's checks are real.
 */

export type ImgapiImageType = 'zvol' | 'lx-dataset' | 'zone-dataset' | 'docker' | 'other';

/** A manifest as IMGAPI serialises it (v 2; field order as Image.serialize writes it). */
export interface ImgapiManifest {
  v: 2;
  uuid: string;
  owner: string;
  name: string;
  version: string;
  state: 'active' | 'unactivated' | 'disabled';
  disabled: boolean;
  public: boolean;
  published_at: string;
  type: ImgapiImageType;
  os: string;
  files: { sha1: string; size: number; compression: 'none' | 'gzip' | 'bzip2' }[];
  description?: string;
  homepage?: string;
  requirements?: Record<string, unknown>;
  tags?: Record<string, string | boolean | number>;
  /** Present on zvol (KVM/bhyve) images only. */
  nic_driver?: string;
  disk_driver?: string;
  cpu_type?: string;
  image_size?: number;
}

/** What a test (or the default catalog) says about an image; the rest is derived. */
export interface SeedImage {
  name: string;
  version: string;
  type: ImgapiImageType;
  os: string;
  publishedAt: string;
  /** Size of the uncompressed filler in bytes (the served file is smaller when gzip). */
  rawBytes?: number;
  /** bzip2 is not offered: Node cannot write it, and the manifest must tell the truth. */
  compression?: 'none' | 'gzip';
  uuid?: string;
  state?: 'active' | 'unactivated' | 'disabled';
  description?: string;
  homepage?: string;
  requirements?: Record<string, unknown>;
  tags?: Record<string, string | boolean | number>;
}

export interface SeededImage {
  manifest: ImgapiManifest;
  bytes: Buffer;
  /** base64 MD5 of `bytes`, as IMGAPI stores it at upload and sends as Content-MD5. */
  contentMd5: string;
}

/** The account images.joyent.com-style public images are published under in the stand-in. */
export const IMGAPI_SANDBOX_OWNER = '930896af-bf8c-48d4-885c-6573a94b1853';

const LINUX_NETWORKS = { networks: [{ name: 'net0', description: 'public' }] };

export const DEFAULT_IMGAPI_SEEDS: readonly SeedImage[] = [
  {
    name: 'base-64-lts',
    version: '22.4.0',
    type: 'zone-dataset',
    os: 'smartos',
    publishedAt: '2023-01-11T16:20:31Z',
    rawBytes: 224 * 1024,
    compression: 'gzip',
    description:
      'A 64-bit SmartOS image with just essential packages installed. Ideal for users who want the smallest possible image.',
    homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images',
    requirements: { ...LINUX_NETWORKS, min_platform: { '7.0': '20210826T002459Z' } },
    tags: { role: 'os', group: 'base-64-lts' },
  },
  {
    name: 'debian-12',
    version: '20230725',
    type: 'zvol',
    os: 'linux',
    publishedAt: '2023-07-25T18:02:44Z',
    rawBytes: 320 * 1024,
    compression: 'none',
    description:
      'Debian 12 (bookworm) 64-bit image with just essential packages installed, built to run as a hardware virtual machine.',
    homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/virtual-machines/images/linux/debian',
    requirements: { ...LINUX_NETWORKS, brand: 'bhyve', ssh_key: true, min_ram: 1024 },
    tags: { role: 'os', default_user: 'debian' },
  },
  {
    name: 'ubuntu-22.04',
    version: '20240122',
    type: 'lx-dataset',
    os: 'linux',
    publishedAt: '2024-01-22T21:37:05Z',
    rawBytes: 256 * 1024,
    compression: 'gzip',
    description:
      'Container-native Ubuntu 22.04 64-bit image. Built to run on containers with bare metal speed.',
    homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images/ubuntu',
    requirements: { ...LINUX_NETWORKS, brand: 'lx', min_platform: { '7.0': '20220811T000429Z' } },
    tags: { role: 'os', kernel_version: '5.15.0' },
  },
  {
    name: 'ubuntu-certified-22.04',
    version: '20240614',
    type: 'zvol',
    os: 'linux',
    publishedAt: '2024-06-14T09:12:58Z',
    rawBytes: 384 * 1024,
    compression: 'gzip',
    description: 'Ubuntu 22.04 LTS (20240614 64-bit). Certified Ubuntu Server Cloud Image from Canonical.',
    homepage:
      'https://docs.tritondatacenter.com/public-cloud/instances/virtual-machines/images/linux/ubuntu-certified',
    requirements: { ...LINUX_NETWORKS, brand: 'kvm', ssh_key: true, min_ram: 1024 },
    tags: { role: 'os', default_user: 'ubuntu' },
  },
  {
    name: 'base-64-lts',
    version: '24.4.1',
    type: 'zone-dataset',
    os: 'smartos',
    publishedAt: '2025-02-03T12:45:10Z',
    rawBytes: 232 * 1024,
    compression: 'gzip',
    description:
      'A 64-bit SmartOS image with just essential packages installed. Ideal for users who want the smallest possible image.',
    homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images',
    requirements: { ...LINUX_NETWORKS, min_platform: { '7.0': '20230825T001838Z' } },
    tags: { role: 'os', group: 'base-64-lts' },
  },
  {
    name: 'ubuntu-certified-24.04',
    version: '20250410',
    type: 'zvol',
    os: 'linux',
    publishedAt: '2025-04-10T07:03:26Z',
    rawBytes: 416 * 1024,
    compression: 'none',
    description: 'Ubuntu 24.04 LTS (20250410 64-bit). Certified Ubuntu Server Cloud Image from Canonical.',
    homepage:
      'https://docs.tritondatacenter.com/public-cloud/instances/virtual-machines/images/linux/ubuntu-certified',
    requirements: { ...LINUX_NETWORKS, brand: 'bhyve', ssh_key: true, min_ram: 1024 },
    tags: { role: 'os', default_user: 'ubuntu' },
  },
];

function uuidFrom(prng: Prng): string {
  const hex = prng.hex(32);
  const variant = '89ab'[prng.int(0, 3)] as string;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Filler that behaves a little like a disk or dataset stream: pseudo-random blocks with runs of
 * zeros (so gzip has something to do) and, for a zvol, an MBR boot signature.
 */
function fillerBytes(prng: Prng, size: number, type: ImgapiImageType): Buffer {
  const bytes = Buffer.alloc(size);
  const block = 4096;
  for (let offset = 0; offset < size; offset += block) {
    if (prng.chance(0.3)) continue; // a sparse (all-zero) block
    const end = Math.min(offset + block, size);
    let i = offset;
    for (; i + 4 <= end; i += 4) bytes.writeUInt32LE(Math.floor(prng.next() * 0x1_0000_0000), i);
    for (; i < end; i += 1) bytes[i] = prng.int(0, 255);
  }
  if (type === 'zvol' && size >= 512) {
    bytes[510] = 0x55;
    bytes[511] = 0xaa;
  }
  return bytes;
}

/** Builds the manifest and bytes for one seed; same seed in, same bytes and sha1 out. */
export function seedImage(seed: SeedImage): SeededImage {
  const prng = createPrng(`imgapi:${seed.name}:${seed.version}:${seed.type}`);
  const uuid = seed.uuid ?? uuidFrom(prng);
  const compression = seed.compression ?? 'none';
  const raw = fillerBytes(prng, seed.rawBytes ?? 256 * 1024, seed.type);
  const bytes = compression === 'gzip' ? gzipSync(raw, { level: 6 }) : raw;
  const state = seed.state ?? 'active';
  const manifest: ImgapiManifest = {
    v: 2,
    uuid,
    owner: IMGAPI_SANDBOX_OWNER,
    name: seed.name,
    version: seed.version,
    state,
    disabled: state === 'disabled',
    public: true,
    published_at: new Date(seed.publishedAt).toISOString(),
    type: seed.type,
    os: seed.os,
    files: [{ sha1: createHash('sha1').update(bytes).digest('hex'), size: bytes.length, compression }],
    ...(seed.description ? { description: seed.description } : {}),
    ...(seed.homepage ? { homepage: seed.homepage } : {}),
    ...(seed.requirements ? { requirements: seed.requirements } : {}),
    ...(seed.tags ? { tags: seed.tags } : {}),
  };
  if (seed.type === 'zvol') {
    Object.assign(manifest, {
      nic_driver: 'virtio',
      disk_driver: 'virtio',
      cpu_type: 'host',
      image_size: 10240,
    });
  }
  return { manifest, bytes, contentMd5: createHash('md5').update(bytes).digest('base64') };
}
