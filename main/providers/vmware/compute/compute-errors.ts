import type { AppError } from '@contract/index';
import { clip } from '../../shared/error-facts';
import { classifyVsphereError, VsphereApiError, type ErrorContext } from '../vsphere-errors';
import { VsphereTaskError } from './vim-tasks';

/**
 * Compute errors in the contract's words. A failed task says what vCenter said (its localized
 * message and fault type) with a next step where one is known; a refused privilege names the
 * privileges a launch needs, which are not the read privileges a catalog sync needs.
 */
const NEXT_STEP: Record<string, string> = {
  InsufficientResourcesFault:
    'Free capacity in the cluster or resource pool, or choose a smaller size or another compute resource.',
  DuplicateName: 'A VM of that name already exists in the folder: choose another name.',
  InvalidPowerState: 'Someone changed its power state meanwhile: refresh and try again.',
  NoDiskSpace: 'The datastore is full: free space or choose another compute resource.',
  NotFound: 'Something the request names no longer exists: refresh the lists and try again.',
  FileAlreadyExists: 'Files of a VM of that name are still on the datastore: choose another name.',
};

const REST_TYPES: [RegExp, string][] = [
  [/unable_to_allocate_resource/i, 'InsufficientResourcesFault'],
  [/already_exists/i, 'DuplicateName'],
  [/^not_found$|errors\.not_found/i, 'NotFound'],
];

const PRIVILEGES =
  'Give it a role with Virtual machine > Provisioning (Clone, Deploy template, Clone to template), ' +
  'Inventory (Create, Remove), Configuration (change CPU, memory, settings, network) and Interaction ' +
  '(Power on, Power off), plus Resource > Assign virtual machine to resource pool, then try again.';

export function classifyComputeError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof VsphereTaskError) {
    if (error.faultType === 'NoPermission')
      return {
        code: 'cloud-permission',
        message: `The vCenter user may not ${context.activity} (${clip(error.localizedMessage, 160)}). ${PRIVILEGES}`,
      };
    const next =
      (error.faultType && NEXT_STEP[error.faultType]) ?? 'Check the task in the vSphere Client for details.';
    return {
      code: 'cloud-error',
      message: `vCenter could not ${context.activity}: ${clip(error.localizedMessage, 240)}${error.faultType ? ` (${error.faultType})` : ''}. ${next}`,
    };
  }
  // The REST deploy's vAPI errors that have a fault's meaning: the same next steps.
  const rest =
    error instanceof VsphereApiError
      ? REST_TYPES.find(([type]) => type.test(error.errorType ?? ''))
      : undefined;
  if (rest && error instanceof VsphereApiError)
    return {
      code: 'cloud-error',
      message: `vCenter could not ${context.activity}: ${error.errorType}: ${clip(error.serverMessage, 240)}. ${NEXT_STEP[rest[1]]}`,
    };
  const appError = classifyVsphereError(error, context);
  if (appError.code !== 'cloud-permission') return appError;
  return {
    code: 'cloud-permission',
    message: `${appError.message.replace(/ Give it a role .*$/, '')} ${PRIVILEGES}`,
  };
}
