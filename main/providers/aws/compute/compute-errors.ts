import type { AppError } from '@contract/index';
import { clip } from '../../shared/error-facts';
import { classifyAwsError, type ErrorContext } from '../aws-error';

/** What a compute call was doing, for messages: where, in words, and the IAM action it needs. */
export interface ComputeContext extends ErrorContext {
  region: string;
  activity: string;
  permission: string;
}

type Refusal = { code: AppError['code']; advice: string };

/** EC2 refusals a launch or lifecycle call meets, each with what the user can do about it. */
const REFUSALS: Record<string, Refusal> = {
  InstanceLimitExceeded: {
    code: 'cloud-error',
    advice:
      'The account has reached its EC2 instance quota in this region. Terminate instances you no longer need, ' +
      'or ask AWS for a higher limit (Service Quotas → Amazon EC2 → Running On-Demand instances), then launch again.',
  },
  VcpuLimitExceeded: {
    code: 'cloud-error',
    advice:
      'The account has reached its vCPU quota for this instance family in this region. Choose a smaller instance ' +
      'type, terminate instances you no longer need, or ask AWS for a higher limit in Service Quotas, then launch again.',
  },
  InsufficientInstanceCapacity: {
    code: 'cloud-error',
    advice:
      'AWS has no spare capacity for this instance type there right now. Choose a subnet in another zone or another type, or try again later.',
  },
  'InvalidSubnetID.NotFound': {
    code: 'invalid-request',
    advice:
      "Choose a subnet from this region's VPCs (the list may be out of date: reopen the launch dialog).",
  },
  'InvalidSubnetID.Malformed': { code: 'invalid-request', advice: 'Choose a subnet from the list.' },
  'InvalidAMIID.NotFound': {
    code: 'invalid-request',
    advice:
      'The image is gone or not shared with this account in this region. Choose another image or region.',
  },
  'InvalidAMIID.Malformed': { code: 'invalid-request', advice: 'Check the image id (ami-…).' },
  'InvalidAMIID.Unavailable': {
    code: 'invalid-request',
    advice:
      'The image is not available yet (or is disabled). Wait until it is available, or choose another image.',
  },
  'InvalidKeyPair.NotFound': {
    code: 'invalid-request',
    advice: 'Choose an existing key pair, or create one.',
  },
  'InvalidKeyPair.Duplicate': {
    code: 'conflict',
    advice:
      'A key pair with this name already exists in this region: choose another name, or use the existing pair.',
  },
  'InvalidKey.Format': {
    code: 'invalid-request',
    advice: 'Paste an OpenSSH public key (ssh-ed25519 AAAA… or ssh-rsa AAAA…).',
  },
  'InvalidGroup.NotFound': { code: 'invalid-request', advice: 'Choose security groups of the chosen VPC.' },
  'InvalidGroup.Duplicate': {
    code: 'conflict',
    advice:
      'A security group with this name already exists in this VPC: choose another name, or pick the existing group.',
  },
  'InvalidPermission.Duplicate': { code: 'conflict', advice: 'Remove the repeated rule and try again.' },
  'InvalidVpcID.NotFound': { code: 'invalid-request', advice: "Choose a VPC from this region's list." },
  'InvalidAMIName.Duplicate': {
    code: 'conflict',
    advice: 'This account already has an image with that name in the region: choose another name.',
  },
  'InvalidAMIName.Malformed': {
    code: 'invalid-request',
    advice: "Use 3–128 letters, digits, spaces and ( ) [ ] . / - ' @ _ in the image name.",
  },
  IncorrectInstanceState: {
    code: 'invalid-request',
    advice: 'Wait until the server is running (or stopped), then try again.',
  },
  IncorrectState: { code: 'invalid-request', advice: 'Wait until the image is available, then try again.' },
  'InvalidInstanceID.NotFound': { code: 'invalid-request', advice: 'The server no longer exists.' },
  DependencyViolation: { code: 'conflict', advice: 'Something still uses it; remove that first.' },
  IdempotentParameterMismatch: { code: 'conflict', advice: 'Start the launch again from the dialog.' },
  InvalidBlockDeviceMapping: {
    code: 'invalid-request',
    advice: 'Change the volumes (size, device) and try again.',
  },
  InvalidInstanceType: { code: 'invalid-request', advice: 'Choose an instance type from the list.' },
  InvalidParameterValue: { code: 'invalid-request', advice: 'Change the value EC2 names and try again.' },
  InvalidParameterCombination: {
    code: 'invalid-request',
    advice: 'Change the settings EC2 names and try again.',
  },
  InvalidParameterDependency: {
    code: 'invalid-request',
    advice: 'Change the settings EC2 names and try again.',
  },
  InvalidParameter: { code: 'invalid-request', advice: 'Change the settings EC2 names and try again.' },
  MissingParameter: { code: 'invalid-request', advice: 'Fill in the setting EC2 names and try again.' },
  TagLimitExceeded: { code: 'invalid-request', advice: 'Use at most 50 tags.' },
};

function codeOf(error: unknown): { code: string | undefined; message: string } {
  const e = (error ?? {}) as { name?: unknown; Code?: unknown; message?: unknown };
  const code = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : undefined;
  return { code, message: typeof e.message === 'string' ? e.message : String(error) };
}

/**
 * A compute call's failure as the UI shows it: EC2's refusals keep the cloud's own words (which
 * name the subnet, the quota, the key) plus what to do next; everything else (keys, network,
 * throttling, permissions with the IAM action this call needs) goes through the shared classifier.
 */
export function classifyComputeError(error: unknown, context: ComputeContext): AppError {
  const { code, message } = codeOf(error);
  const where = ` in ${context.region}`;
  if (code === 'AuthFailure' && /^Not authorized for image/.test(message)) {
    return {
      code: 'cloud-permission',
      message: `EC2 refused to ${context.activity}${where}: ${clip(message, 200)}. Only images this account owns can be changed or deregistered.`,
    };
  }
  const refusal = code === undefined ? undefined : REFUSALS[code];
  if (refusal) {
    return {
      code: refusal.code,
      message: `EC2 refused to ${context.activity}${where} (${code}: ${clip(message, 400)}). ${refusal.advice}`,
    };
  }
  return classifyAwsError(error, context);
}
