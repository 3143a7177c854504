import type { AppError } from '@contract/index';
import { CloudError } from '../../driver';
import { classifyOpenStackError, redactSecrets, type ErrorContext } from '../openstack-error';
import { HttpStatusError } from '../openstack-http';

/** What a compute call was doing, and what the user should do when the cloud refuses it. */
export interface ComputeErrorContext extends ErrorContext {
  /** Appended to 400/404/409 refusals: "Choose a network from the list, then launch again." */
  hint?: string;
}

const sentence = (text: string): string => {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

const QUOTA = /quota exceeded|quota.*exceed|over ?limit|maximum number of/i;

/** Refusals about the request itself: the cloud's own words, then what to change. */
function refusal(error: HttpStatusError, context: ComputeErrorContext): AppError | null {
  if (error.service === 'Keystone') return null;
  const said = sentence(error.detail || `HTTP ${error.status}`);
  const lead = `${error.service} refused to ${context.activity} in ${context.region}: ${said}`;
  const hint = context.hint ? ` ${context.hint}` : '';
  if ((error.status === 403 || error.status === 413) && QUOTA.test(error.detail)) {
    return {
      code: 'cloud-error',
      message: `${lead} The project's quota is used up: terminate servers it no longer needs, or ask the cloud's operators to raise the quota, then try again.`,
    };
  }
  if (error.status === 400) return { code: 'invalid-request', message: `${lead}${hint}` };
  if (error.status === 404) return { code: 'not-found', message: `${lead}${hint}` };
  if (error.status === 409) return { code: 'conflict', message: `${lead}${hint}` };
  return null;
}

/**
 * Any failure of a compute call as a CloudError: Nova/Neutron/Glance refusals in the cloud's own
 * words with what to do next, everything else (auth, reachability, throttling, cancel) through the
 * shared OpenStack classifier. Secrets a server might echo are removed.
 */
export function computeError(
  error: unknown,
  context: ComputeErrorContext,
  secret: string,
  signal?: AbortSignal,
): CloudError {
  if (error instanceof CloudError) return error;
  const own = signal?.aborted ? null : error instanceof HttpStatusError ? refusal(error, context) : null;
  const appError = own ?? classifyOpenStackError(error, context, signal);
  return new CloudError(redactSecrets(appError, [secret]), { cause: error });
}

/** A mistake Hangar catches before asking the cloud. */
export const invalid = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });
