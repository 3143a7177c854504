import type { Prng } from './prng';
import type { SandboxArchitecture } from './sandbox-image';
import { buildDates, emitPublic, seededUuid, yyyymmdd, type SeedContext } from './seed-builder';
import { MARKETPLACE_OWNER_ID } from './well-known-owners';

/** What a product's build is called, given its ordinal, date and architecture. */
interface BuildLabel {
  name: string;
  description: string;
}

interface MarketplaceProduct {
  since: string;
  cadence: [number, number];
  archs: SandboxArchitecture[];
  platformDetails?: string;
  usageOperation?: string;
  rootDeviceName: string;
  volumeSize: number;
  label(ordinal: number, created: Date, arch: SandboxArchitecture): BuildLabel;
}

const debArch = (arch: SandboxArchitecture): string => (arch === 'x86_64' ? 'amd64' : 'arm64');

/** A version component that steps up every `days` days from `anchor`. */
function stepper(created: Date, anchor: string, days: number, base = 0): number {
  return base + Math.max(0, Math.floor((created.getTime() - Date.parse(anchor)) / (days * 86_400_000)));
}

const PRODUCTS: MarketplaceProduct[] = [
  {
    since: '2022-01-10',
    cadence: [20, 45],
    archs: ['x86_64'],
    rootDeviceName: '/dev/xvda',
    volumeSize: 10,
    label: (n, d, arch) => {
      const v = `6.${stepper(d, '2022-01-10', 120, 0) % 10}.${n % 4}-0-r0${n % 9}`;
      return {
        name: `bitnami-wordpress-${v}-linux-debian-12-${arch}-hvm-ebs-nami`,
        description: `Bitnami package for WordPress ${v} on Debian 12`,
      };
    },
  },
  {
    since: '2022-03-01',
    cadence: [25, 60],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/xvda',
    volumeSize: 10,
    label: (n, _d, arch) => {
      const v = `1.${25 + Math.floor(n / 6)}.${n % 6}-0-r0${n % 7}`;
      return {
        name: `bitnami-nginx-${v}-linux-debian-12-${arch}-hvm-ebs-nami`,
        description: `Bitnami package for NGINX Open Source ${v} on Debian 12`,
      };
    },
  },
  {
    since: '2022-09-01',
    cadence: [30, 75],
    archs: ['x86_64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 20,
    label: (n) => ({
      name: `CIS Ubuntu Linux 22.04 LTS Benchmark v2.0.0.${n} - Level 1`,
      description: 'CIS Hardened Image Level 1 on Ubuntu Linux 22.04 LTS',
    }),
  },
  {
    since: '2022-07-14',
    cadence: [30, 70],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 10,
    label: (_n, d, arch) => {
      const minor = Math.min(7, stepper(d, '2022-07-14', 180, 0));
      return {
        name: `Rocky-9-EC2-Base-9.${minor}-${yyyymmdd(d)}.0.${arch}`,
        description: `Rocky Linux 9.${minor} Base (${arch})`,
      };
    },
  },
  {
    since: '2022-05-26',
    cadence: [30, 70],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 10,
    label: (_n, d, arch) => {
      const minor = Math.min(7, stepper(d, '2022-05-26', 180, 0));
      return {
        name: `AlmaLinux OS 9.${minor}.${yyyymmdd(d)} ${arch}`,
        description: `Official AlmaLinux OS 9.${minor} ${arch} image`,
      };
    },
  },
  {
    since: '2023-11-20',
    cadence: [60, 120],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 6,
    label: (_n, d, arch) => {
      const minor = Math.min(3, stepper(d, '2023-11-20', 200, 0));
      return {
        name: `FreeBSD 14.${minor}-RELEASE-${debArch(arch)}`,
        description: `FreeBSD/${debArch(arch)} releng/14.${minor}@${yyyymmdd(d)}`,
      };
    },
  },
  {
    since: '2022-06-20',
    cadence: [25, 50],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 10,
    platformDetails: 'SUSE Linux',
    usageOperation: 'RunInstances:000g',
    label: (_n, d, arch) => {
      const sp = Math.min(7, stepper(d, '2022-06-20', 365, 4));
      return {
        name: `suse-sles-15-sp${sp}-v${yyyymmdd(d)}-hvm-ssd-${arch}`,
        description: `SUSE Linux Enterprise Server 15 SP${sp} (HVM, 64-bit, SSD-Backed)`,
      };
    },
  },
  {
    since: '2022-11-01',
    cadence: [40, 90],
    archs: ['x86_64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 2,
    label: (n) => {
      const patch = n % 8;
      return {
        name: `FortiGate-VM64-AWSONDEMAND build${2500 + n * 7} (7.4.${patch}) GA`,
        description: `FortiGate-VM64-AWSONDEMAND build${2500 + n * 7} (7.4.${patch}) GA`,
      };
    },
  },
  {
    since: '2021-12-03',
    cadence: [20, 40],
    archs: ['x86_64', 'arm64'],
    rootDeviceName: '/dev/sda1',
    volumeSize: 10,
    label: (_n, d, arch) => ({
      name: `CentOS Stream 9 ${arch} ${yyyymmdd(d)}`,
      description: `CentOS Stream 9 ${arch} ${yyyymmdd(d)}`,
    }),
  },
];

function productCode(prng: Prng): string {
  let code = '';
  for (let i = 0; i < 25; i += 1) code += prng.int(0, 35).toString(36);
  return code;
}

/** Vendor products resold through AWS Marketplace: names carry the listing's UUID, ids a product code. */
export function seedMarketplace(ctx: SeedContext): void {
  for (const product of PRODUCTS) {
    const listing = seededUuid(ctx.prng);
    const code = productCode(ctx.prng);
    buildDates(ctx, new Date(product.since), product.cadence[0], product.cadence[1]).forEach(
      (created, ordinal) => {
        for (const arch of product.archs) {
          const label = product.label(ordinal, created, arch);
          emitPublic(ctx, {
            name: `${label.name}-${listing}`,
            description: label.description,
            ownerId: MARKETPLACE_OWNER_ID,
            ownerAlias: 'aws-marketplace',
            locationPrefix: 'aws-marketplace',
            architecture: arch,
            created,
            platformDetails: product.platformDetails,
            usageOperation: product.usageOperation,
            rootDeviceName: product.rootDeviceName,
            volumeSize: product.volumeSize,
            volumeType: 'gp3',
            productCodes: [{ productCode: code, type: 'marketplace' }],
          });
        }
      },
    );
  }
}
