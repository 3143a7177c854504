import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { listParam, type QueryParams } from './query-params';
import { matchFilters, pageOf, type FieldReaders } from './resource-query';

/** The facts of one instance type the sandbox offers (a realistic subset of EC2's, with their real sizes). */
export interface SandboxInstanceType {
  instanceType: string;
  vcpus: number;
  cores: number;
  memoryMiB: number;
  architecture: 'x86_64' | 'arm64';
  clockGhz: number;
  manufacturer: 'Intel' | 'AMD' | 'AWS';
  network: string;
  burstable: boolean;
  freeTier: boolean;
  /** Local NVMe instance store, GB (the "d" variants). */
  instanceStoreGb?: number;
}

const t = (
  instanceType: string,
  vcpus: number,
  memoryMiB: number,
  architecture: 'x86_64' | 'arm64',
  extra: Partial<SandboxInstanceType> = {},
): SandboxInstanceType => ({
  instanceType,
  vcpus,
  cores: Math.max(1, architecture === 'arm64' ? vcpus : vcpus / 2),
  memoryMiB,
  architecture,
  clockGhz: architecture === 'arm64' ? 2.6 : 3.5,
  manufacturer: architecture === 'arm64' ? 'AWS' : 'Intel',
  network: vcpus <= 4 ? 'Up to 12.5 Gigabit' : 'Up to 25 Gigabit',
  burstable: false,
  freeTier: false,
  ...extra,
});

const BURST = { burstable: true, network: 'Up to 5 Gigabit', clockGhz: 2.5 };

export const SANDBOX_INSTANCE_TYPES: readonly SandboxInstanceType[] = [
  t('t3.nano', 2, 512, 'x86_64', BURST),
  t('t3.micro', 2, 1024, 'x86_64', { ...BURST, freeTier: true }),
  t('t3.small', 2, 2048, 'x86_64', BURST),
  t('t3.medium', 2, 4096, 'x86_64', BURST),
  t('t3.large', 2, 8192, 'x86_64', BURST),
  t('t3a.medium', 2, 4096, 'x86_64', { ...BURST, manufacturer: 'AMD', clockGhz: 2.2 }),
  t('t4g.micro', 2, 1024, 'arm64', { ...BURST, cores: 2, clockGhz: 2.5 }),
  t('t4g.small', 2, 2048, 'arm64', { ...BURST, cores: 2, clockGhz: 2.5 }),
  t('t4g.medium', 2, 4096, 'arm64', { ...BURST, cores: 2, clockGhz: 2.5 }),
  t('m6i.large', 2, 8192, 'x86_64'),
  t('m6i.xlarge', 4, 16384, 'x86_64'),
  t('m6i.2xlarge', 8, 32768, 'x86_64'),
  t('m5d.large', 2, 8192, 'x86_64', { instanceStoreGb: 75, clockGhz: 3.1, network: 'Up to 10 Gigabit' }),
  t('m7g.large', 2, 8192, 'arm64'),
  t('c6i.large', 2, 4096, 'x86_64'),
  t('c6i.xlarge', 4, 8192, 'x86_64'),
  t('c7g.large', 2, 4096, 'arm64'),
  t('c7g.xlarge', 4, 8192, 'arm64'),
  t('r6i.large', 2, 16384, 'x86_64'),
  t('r6i.xlarge', 4, 32768, 'x86_64'),
  t('r7g.large', 2, 16384, 'arm64'),
];

export function findInstanceType(name: string): SandboxInstanceType | undefined {
  return SANDBOX_INSTANCE_TYPES.find((type) => type.instanceType === name);
}

const FIELDS: FieldReaders<SandboxInstanceType> = {
  'instance-type': (i) => [i.instanceType],
  'processor-info.supported-architecture': (i) => [i.architecture],
  'vcpu-info.default-vcpus': (i) => [String(i.vcpus)],
  'memory-info.size-in-mib': (i) => [String(i.memoryMiB)],
  'current-generation': () => ['true'],
  'free-tier-eligible': (i) => [String(i.freeTier)],
  'burstable-performance-supported': (i) => [String(i.burstable)],
  'instance-storage-supported': (i) => [String(i.instanceStoreGb !== undefined)],
};

function typeXml(i: SandboxInstanceType): string {
  const storage =
    i.instanceStoreGb === undefined
      ? ''
      : `<instanceStorageInfo>${leaf('totalSizeInGB', i.instanceStoreGb)}` +
        itemSet('disks', [
          `${leaf('sizeInGB', i.instanceStoreGb)}${leaf('count', 1)}${leaf('type', 'ssd')}`,
        ]) +
        `${leaf('nvmeSupport', 'required')}${leaf('encryptionSupport', 'required')}</instanceStorageInfo>`;
  return [
    leaf('instanceType', i.instanceType),
    leaf('currentGeneration', true),
    leaf('freeTierEligible', i.freeTier),
    itemSet('supportedUsageClasses', ['on-demand', 'spot']),
    itemSet('supportedRootDeviceTypes', ['ebs']),
    itemSet('supportedVirtualizationTypes', ['hvm']),
    leaf('bareMetal', false),
    leaf('hypervisor', 'nitro'),
    `<processorInfo>${itemSet('supportedArchitectures', [i.architecture])}` +
      `${leaf('sustainedClockSpeedInGhz', i.clockGhz)}${leaf('manufacturer', i.manufacturer)}</processorInfo>`,
    `<vCpuInfo>${leaf('defaultVCpus', i.vcpus)}${leaf('defaultCores', i.cores)}` +
      `${leaf('defaultThreadsPerCore', i.vcpus / i.cores)}</vCpuInfo>`,
    `<memoryInfo>${leaf('sizeInMiB', i.memoryMiB)}</memoryInfo>`,
    leaf('instanceStorageSupported', i.instanceStoreGb !== undefined),
    storage,
    `<ebsInfo>${leaf('ebsOptimizedSupport', 'default')}${leaf('encryptionSupport', 'supported')}` +
      `${leaf('nvmeSupport', 'required')}</ebsInfo>`,
    `<networkInfo>${leaf('networkPerformance', i.network)}${leaf('maximumNetworkInterfaces', i.vcpus <= 2 ? 3 : 4)}` +
      `${leaf('ipv6Supported', true)}${leaf('enaSupport', 'required')}</networkInfo>`,
    leaf('hibernationSupported', true),
    leaf('burstablePerformanceSupported', i.burstable),
    leaf('dedicatedHostsSupported', !i.burstable),
    leaf('autoRecoverySupported', i.instanceStoreGb === undefined),
    itemSet('supportedBootModes', i.architecture === 'arm64' ? ['uefi'] : ['legacy-bios', 'uefi']),
  ].join('');
}

/** DescribeInstanceTypes: `InstanceType.N`, filters, and pages of 5..100. */
export function describeInstanceTypes(params: QueryParams): string {
  const names = listParam(params, 'InstanceType');
  const unknown = names.filter((name) => !findInstanceType(name));
  if (unknown.length > 0) {
    throw ec2Error(
      'InvalidInstanceType',
      `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
    );
  }
  const matches = matchFilters(params, FIELDS, () => []);
  const selected = SANDBOX_INSTANCE_TYPES.filter(
    (type) => (names.length === 0 || names.includes(type.instanceType)) && matches(type),
  );
  const { page, nextToken } = pageOf(selected, params, ['instance-types', names.join(',')], {
    min: 5,
    max: 100,
  });
  return itemSet('instanceTypeSet', page.map(typeXml)) + leaf('nextToken', nextToken);
}
