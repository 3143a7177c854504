import type { EC2Client } from '@aws-sdk/client-ec2';
import { CloudError } from '../../driver';
import { redactSecrets } from '../aws-error';
import { createEc2Client, type AwsConnection, type Ec2ClientTuning } from '../ec2-client-factory';
import { classifyComputeError, type ComputeContext } from './compute-errors';

/** What one call does, in words, and the IAM action it needs: both go into its error message. */
export type Step = Pick<ComputeContext, 'activity' | 'permission'>;

/** Runs `work` with a fresh client for `region`, turning any failure into a CloudError. */
export type ComputeCall = <T>(
  region: string,
  step: Step,
  work: (client: EC2Client) => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>;

export interface ComputeCallOptions extends Ec2ClientTuning {
  /** Replaces the client factory (tests); the default builds a real EC2Client per region. */
  createClient?: (region: string) => EC2Client;
}

/**
 * The one way compute methods reach EC2, as the catalog driver does it: a fresh SDK client per
 * call, destroyed afterwards (no socket or secret outlives the operation); failures classified
 * in the contract's words with the secret key redacted; a cancelled call said as such.
 */
export function createComputeCall(connection: AwsConnection, options: ComputeCallOptions = {}): ComputeCall {
  const clientFor =
    options.createClient ?? ((region: string) => createEc2Client(connection, region, options));
  const secrets = [connection.secretAccessKey, connection.sessionToken];

  return async (region, step, work, signal) => {
    const context: ComputeContext = { ...step, region, endpoint: connection.endpoint };
    const fail = (error: unknown): CloudError => {
      if (error instanceof CloudError) return error;
      const appError = signal?.aborted
        ? {
            code: 'cancelled' as const,
            message: `Cancelled: Hangar stopped trying to ${step.activity} in ${region}.`,
          }
        : classifyComputeError(error, context);
      return new CloudError(redactSecrets(appError, secrets), { cause: error });
    };
    if (signal?.aborted) throw fail(signal.reason);
    const client = clientFor(region);
    try {
      return await work(client);
    } catch (error) {
      throw fail(error);
    } finally {
      client.destroy();
    }
  };
}
