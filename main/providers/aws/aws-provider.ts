import type { AwsConnection, AwsSecret } from '@contract/index';
import type { ProviderModule } from '../provider-module';
import { createAwsDriver } from './aws-driver';
import { createAwsComputeDriver } from './compute/aws-compute-driver';

/** Own images are always cached; the chosen owners come after, without repeats. */
export function awsOwnersToCache(chosen: readonly string[]): string[] {
  return [...new Set(['self', ...chosen])];
}

export const awsProvider: ProviderModule<AwsConnection, AwsSecret> = {
  cloud: 'aws',
  label: 'Amazon Web Services',
  capabilities: {
    listImages: { supported: true, reason: null },
    testConnection: { supported: true, reason: null },
    getImage: { supported: true, reason: null },
  },
  sourcesFor: (connection) =>
    connection.regions.flatMap((location) =>
      awsOwnersToCache(connection.owners).map((owner) => ({ location, owner })),
    ),
  identityOf: (connection) => `…${connection.accessKeyId.slice(-4)}`,
  endpointOf: (connection) => connection.endpoint ?? null,
  createDriver: (connection, secret, tuning) =>
    createAwsDriver(
      {
        accessKeyId: connection.accessKeyId,
        secretAccessKey: secret.secretAccessKey,
        sessionToken: secret.sessionToken,
        endpoint: connection.endpoint,
      },
      { pageSize: tuning?.pageSize },
    ),
  // EC2 answers launches and captures at once and the caller polls getServer/getImage, so the
  // compute driver itself never polls: tuning.pollIntervalMs has nothing to change here.
  createComputeDriver: (connection, secret) =>
    createAwsComputeDriver({
      accessKeyId: connection.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      sessionToken: secret.sessionToken,
      endpoint: connection.endpoint,
    }),
};
