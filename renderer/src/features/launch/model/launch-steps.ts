/** The launch dialog's seven steps, and which step each field of the launch spec belongs to. */
export type LaunchStep = 'where' | 'hardware' | 'network' | 'access' | 'storage' | 'details' | 'summary';

export const LAUNCH_STEPS: readonly { id: LaunchStep; label: string }[] = [
  { id: 'where', label: 'Where' },
  { id: 'hardware', label: 'Hardware' },
  { id: 'network', label: 'Network' },
  { id: 'access', label: 'Access key' },
  { id: 'storage', label: 'Storage' },
  { id: 'details', label: 'Details' },
  { id: 'summary', label: 'Summary' },
];

export function stepNumber(step: LaunchStep): number {
  return LAUNCH_STEPS.findIndex((s) => s.id === step) + 1;
}

export function stepLabel(step: LaunchStep): string {
  return LAUNCH_STEPS.find((s) => s.id === step)?.label ?? step;
}

/** "Step 2 of 7: Hardware": the heading that takes focus on each step. */
export function stepTitle(step: LaunchStep): string {
  return `Step ${stepNumber(step)} of ${LAUNCH_STEPS.length}: ${stepLabel(step)}`;
}

export function nextStep(step: LaunchStep): LaunchStep {
  return LAUNCH_STEPS[Math.min(stepNumber(step), LAUNCH_STEPS.length - 1)]!.id;
}

export function previousStep(step: LaunchStep): LaunchStep {
  return LAUNCH_STEPS[Math.max(stepNumber(step) - 2, 0)]!.id;
}

/**
 * Problems name a field of the spec (main's names, e.g. "flavorId", "volumes.1.kmsKeyId"), or one
 * of the dialog's own ("newKeyName"); its first segment says which step shows it.
 */
const FIELD_STEP: Record<string, LaunchStep> = {
  account: 'where',
  accountId: 'where',
  location: 'where',
  imageId: 'where',
  recordId: 'where',
  computeResource: 'where',
  workspaceId: 'where',
  flavorId: 'hardware',
  networkId: 'network',
  subnetId: 'network',
  publicIp: 'network',
  securityGroupIds: 'network',
  keyName: 'access',
  publicKey: 'access',
  newKeyName: 'access',
  importName: 'access',
  volumes: 'storage',
  raid: 'storage',
  name: 'details',
  count: 'details',
  tags: 'details',
  billingCode: 'details',
  group: 'details',
  userData: 'details',
};

export function stepOfField(field: string): LaunchStep {
  return FIELD_STEP[field.split('.')[0] ?? ''] ?? 'summary';
}

const FIELD_LABEL: Record<string, string> = {
  account: 'Account and location',
  accountId: 'Account and location',
  location: 'Account and location',
  imageId: 'Image',
  recordId: 'Registry record',
  computeResource: 'Cluster or resource pool',
  flavorId: 'Hardware flavor',
  networkId: 'Network',
  subnetId: 'Subnet',
  publicIp: 'Public IP address',
  securityGroupIds: 'Security groups',
  keyName: 'Key pair',
  publicKey: 'Public key',
  newKeyName: 'New key pair',
  importName: 'Imported key pair',
  volumes: 'Data volumes',
  raid: 'RAID',
  name: 'Server name',
  count: 'Count',
  tags: 'Tags',
  billingCode: 'Billing code',
  group: 'Group',
  userData: 'User data',
};

const VOLUME_FIELD: Record<string, string> = {
  sizeGb: 'Size (GB)',
  type: 'Volume type',
  encrypted: 'Encrypted',
  kmsKeyId: 'KMS key',
};

const RAID_FIELD: Record<string, string> = {
  level: 'RAID level',
  mountPoint: 'Mount point',
  filesystem: 'Filesystem',
};

/** What a field is called in the dialog: "Volume 2: KMS key", "Mount point". */
export function fieldLabel(field: string): string {
  const [head = '', second, third] = field.split('.');
  if (head === 'volumes' && second !== undefined && /^\d+$/.test(second)) {
    const volume = `Volume ${Number(second) + 1}`;
    return third ? `${volume}: ${VOLUME_FIELD[third] ?? third}` : volume;
  }
  if (head === 'raid' && second) return RAID_FIELD[second] ?? second;
  return FIELD_LABEL[head] ?? field;
}

/** The id of the input a field's error belongs to, so a problem can focus it. */
export function fieldInputId(field: string): string {
  return `launch-${field.replace(/\./g, '-')}`;
}
