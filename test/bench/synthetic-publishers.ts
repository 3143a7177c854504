import type { Prng } from '../../main/sandbox/prng';
import type { Publisher, SyntheticSource } from './synthetic-plan';

export const DAY = 86_400_000;
const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
const dotted = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '.');
const uuid = (p: Prng): string => {
  const h = p.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

/** What a publisher decides about one image; the rest is filled in the same way for all. */
export interface Draft {
  cloudId: string;
  name: string;
  description: string;
  ownerId: string;
  ownerAlias?: string;
  osFamily: string;
  osVersion: string | null;
  osRaw: string;
  architecture: string;
  family: string;
  sizeGb: number;
  /** Days from creation to deprecation; null for none. */
  lifetimeDays: number | null;
  tags?: Record<string, string>;
}

const UBUNTU = [
  ['focal', '20.04'],
  ['jammy', '22.04'],
  ['noble', '24.04'],
  ['oracular', '24.10'],
  ['plucky', '25.04'],
] as const;
const VENDORS = [
  ['bitnami', 'Bitnami', 'wordpress', 'WordPress'],
  ['bitnami', 'Bitnami', 'postgresql', 'PostgreSQL'],
  ['cis', 'CIS', 'hardened', 'CIS Hardened Image Level 1'],
  ['fortinet', 'Fortinet', 'fortigate', 'FortiGate-VM64'],
  ['paloalto', 'Palo Alto Networks', 'vm-series', 'VM-Series Next-Gen Firewall'],
  ['openvpn', 'OpenVPN Inc.', 'access-server', 'OpenVPN Access Server'],
  ['nvidia', 'NVIDIA', 'gpu-optimized', 'NVIDIA GPU-Optimized AMI'],
  ['f5', 'F5', 'big-ip', 'F5 BIG-IP Virtual Edition'],
] as const;
const DISTROS = [
  ['ubuntu', '22.04', 'Ubuntu'],
  ['debian', '12', 'Debian'],
  ['rhel', '9.4', 'Red Hat Enterprise Linux'],
  ['rocky', '9.4', 'Rocky Linux'],
  ['windows', '2022', 'Windows Server'],
  ['almalinux', '9.4', 'AlmaLinux'],
  ['sles', '15.6', 'SUSE Linux Enterprise Server'],
] as const;
const TEAMS = ['platform', 'payments', 'search', 'data', 'identity', 'edge'];

type Build = (p: Prng, created: number, source: SyntheticSource) => Draft;

const awsId = (p: Prng): string => `ami-${p.hex(17)}`;
const arch = (p: Prng): [string, string] => (p.chance(0.3) ? ['arm64', 'arm64'] : ['x86_64', 'amd64']);

/** How each publisher names, describes and dates its images, after the real ones. */
export const PUBLISHERS: Record<Publisher, Build> = {
  'aws-canonical': (p, created) => {
    const [code, version] = p.pick(UBUNTU);
    const [architecture, short] = arch(p);
    const product = p.pick(['server', 'minimal', 'pro-server']);
    const volume = version >= '24.04' ? 'hvm-ssd-gp3' : 'hvm-ssd';
    const family = `ubuntu/images/${volume}/ubuntu-${code}-${version}-${short}-${product}`;
    return {
      cloudId: awsId(p),
      name: `${family}-${ymd(created)}`,
      family,
      ownerId: '099720109477',
      description: `Canonical, Ubuntu, ${version}, ${short} ${code} image`,
      osFamily: 'ubuntu',
      osVersion: version,
      osRaw: product === 'pro-server' ? 'Ubuntu Pro' : 'Linux/UNIX',
      architecture,
      sizeGb: 8,
      lifetimeDays: 730,
    };
  },
  'aws-amazon': (p, created) => {
    const [architecture] = arch(p);
    const kind = p.int(0, 3);
    const serial = `${dotted(created).slice(0, 4)}.${p.int(0, 9)}.${ymd(created)}.${p.int(0, 2)}`;
    const draft = {
      cloudId: awsId(p),
      ownerId: '137112412989',
      ownerAlias: 'amazon',
      architecture,
      lifetimeDays: 730,
    };
    if (kind === 3) {
      const edition = p.pick(['Full-Base', 'Core-Base', 'Full-SQL_2022_Standard', 'Full-ECS_Optimized']);
      const year = p.pick(['2016', '2019', '2022', '2025']);
      return {
        ...draft,
        name: `Windows_Server-${year}-English-${edition}-${dotted(created)}`,
        architecture: 'x86_64',
        description: `Microsoft Windows Server ${year} ${edition.replaceAll('_', ' ')} Locale English AMI provided by Amazon`,
        osFamily: 'windows',
        osVersion: year,
        osRaw: 'Windows',
        family: `Windows_Server-${year}-English-${edition}`,
        sizeGb: 30,
      };
    }
    const flavour = ['al2023-ami', 'al2023-ami-ecs-hvm', 'amazon-eks-node-al2023'][kind]!;
    return {
      ...draft,
      name: `${flavour}-${serial}-kernel-6.1-${architecture}`,
      family: `${flavour}-kernel-6.1-${architecture}`,
      description: `Amazon Linux 2023 AMI ${serial} ${architecture} HVM kernel-6.1${kind === 2 ? ' EKS node' : ''}`,
      osFamily: 'amzn',
      osVersion: '2023',
      osRaw: 'Linux/UNIX',
      sizeGb: kind === 2 ? 20 : 8,
    };
  },
  'aws-marketplace': (p, created) => {
    const [slug, vendor, product, title] = p.pick(VENDORS);
    const [os, version, osName] = p.pick(DISTROS);
    const release = `${p.int(1, 9)}.${p.int(0, 20)}.${p.int(0, 9)}`;
    return {
      cloudId: awsId(p),
      name: `${slug}-${product}-${release}-r${p.int(0, 5)}-${os}-${version}-${uuid(p)}`,
      description: `${title} ${release} on ${osName} ${version} by ${vendor}`,
      ownerId: '679593333241',
      ownerAlias: 'aws-marketplace',
      osFamily: os,
      osVersion: version,
      osRaw: os === 'windows' ? 'Windows' : 'Linux/UNIX',
      architecture: arch(p)[0],
      family: `${slug}-${product}-${os}`,
      sizeGb: p.pick([8, 10, 20, 30, 50]),
      lifetimeDays: p.chance(0.6) ? 730 : null,
      ...(created > 0 && p.chance(0.1) ? { tags: { vendor: slug, product } } : {}),
    };
  },
  'aws-self': (p, created, source) => {
    const team = p.pick(TEAMS);
    const [os, version, osName] = p.pick(DISTROS);
    const app = p.pick(['api', 'worker', 'gateway', 'batch', 'base']);
    return {
      cloudId: awsId(p),
      name: `${team}-${app}-${os}${version}-${ymd(created)}-${p.int(1, 999)}`,
      description: `${team} ${app} golden image on ${osName} ${version}`,
      ownerId: source.accountId === 'aws-prod' ? '210987654321' : '444455556666',
      osFamily: os,
      osVersion: version,
      osRaw: os === 'windows' ? 'Windows' : 'Linux/UNIX',
      architecture: arch(p)[0],
      family: `${team}-${app}-${os}${version}`,
      sizeGb: p.pick([8, 16, 32]),
      lifetimeDays: p.chance(0.3) ? 180 : null,
      tags: {
        Team: team,
        CostCenter: `cc-${p.int(100, 999)}`,
        Build: String(p.int(1000, 9999)),
        Name: `${team}-${app}`,
      },
    };
  },
  'gcp-public': (p, created, source) => {
    const project = source.owner;
    const os = project.split('-')[0]!;
    const version =
      {
        ubuntu: '2404',
        debian: '12',
        rhel: '9',
        windows: '2022',
        cos: '113',
        rocky: '9',
        suse: '15',
        fedora: '40',
      }[os] ?? '1';
    const family = `${os === 'suse' ? 'sles' : os}-${version}${p.chance(0.3) ? '-arm64' : ''}`;
    return {
      cloudId: String(p.int(1e9, 9e9)) + String(p.int(1e8, 9e8)),
      name: `${family}-v${ymd(created)}`,
      family,
      description: `${os[0]!.toUpperCase()}${os.slice(1)}, ${family}, built on ${ymd(created)}, supports Shielded VM features`,
      ownerId: project,
      osFamily: os === 'suse' ? 'sles' : os,
      osVersion: version,
      osRaw: family,
      architecture: family.endsWith('arm64') ? 'arm64' : 'x86_64',
      sizeGb: os === 'windows' ? 50 : 10,
      lifetimeDays: p.chance(0.7) ? p.int(60, 400) : null,
    };
  },
  'gcp-self': (p, created) => {
    const team = p.pick(TEAMS);
    return {
      cloudId: String(p.int(1e9, 9e9)) + String(p.int(1e8, 9e8)),
      name: `${team}-golden-${ymd(created)}`,
      description: `${team} golden image`,
      ownerId: 'acme-images',
      osFamily: 'debian',
      osVersion: '12',
      osRaw: 'debian-12',
      architecture: 'x86_64',
      family: `${team}-golden`,
      sizeGb: 20,
      lifetimeDays: null,
      tags: { team, env: p.pick(['prod', 'dev']) },
    };
  },
  'azure-marketplace': (p, created) => {
    const [publisher, offer, sku, os, version] = p.pick([
      ['Canonical', 'ubuntu-24_04-lts', 'server', 'ubuntu', '24.04'],
      ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2', 'ubuntu', '22.04'],
      ['MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter-g2', 'windows', '2022'],
      ['RedHat', 'RHEL', '9-lvm-gen2', 'rhel', '9'],
      ['SUSE', 'sles-15-sp6', 'gen2', 'sles', '15.6'],
      ['Debian', 'debian-12', '12-gen2', 'debian', '12'],
      ['resf', 'rockylinux-x86_64', '9-base', 'rocky', '9'],
    ] as const);
    const imageVersion = `${version.replace('_', '.')}.${ymd(created)}${p.int(10, 99)}`;
    return {
      cloudId: `${publisher}:${offer}:${sku}:${imageVersion}`,
      name: `${offer} ${sku} ${imageVersion}`,
      description: `${publisher} ${offer} (${sku}) version ${imageVersion}`,
      ownerId: publisher,
      osFamily: os,
      osVersion: version,
      osRaw: offer,
      architecture: sku.includes('arm64') ? 'arm64' : 'x86_64',
      family: `${offer}:${sku}`,
      sizeGb: 30,
      lifetimeDays: p.chance(0.2) ? p.int(200, 900) : null,
    };
  },
  'azure-managed': (p, created) => {
    const team = p.pick(TEAMS);
    return {
      cloudId: `/subscriptions/${uuid(p)}/resourceGroups/rg-${team}/providers/Microsoft.Compute/images/${team}-${ymd(created)}`,
      name: `${team}-${ymd(created)}`,
      description: '',
      ownerId: 'rg-' + team,
      osFamily: 'windows',
      osVersion: '2022',
      osRaw: 'Windows',
      architecture: 'x86_64',
      family: team,
      sizeGb: 128,
      lifetimeDays: null,
      tags: { team },
    };
  },
  openstack: (p, created) => {
    const [os, version, osName] = p.pick(DISTROS);
    return {
      cloudId: uuid(p),
      name: `${osName} ${version} ${ymd(created)}`,
      description: '',
      ownerId: p.pick(['admin', 'images-team']),
      osFamily: os,
      osVersion: version,
      osRaw: os,
      architecture: 'x86_64',
      family: `${os}-${version}`,
      sizeGb: 20,
      lifetimeDays: null,
      tags: { os_distro: os, os_version: version, hw_firmware_type: p.pick(['bios', 'uefi']) },
    };
  },
  vmware: (p, created) => {
    const [os, version] = p.pick(DISTROS);
    return {
      cloudId: `vm-${p.int(1000, 99999)}-${p.hex(6)}`,
      name: `tpl-${os}${version}-golden-${ymd(created)}`,
      description: `Golden ${os} ${version} template`,
      ownerId: 'content-library-golden',
      osFamily: os,
      osVersion: version,
      osRaw: `${os}64Guest`,
      architecture: 'x86_64',
      family: `tpl-${os}${version}`,
      sizeGb: 40,
      lifetimeDays: p.chance(0.3) ? 365 : null,
    };
  },
};
