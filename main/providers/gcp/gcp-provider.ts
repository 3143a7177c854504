import type { GcpConnection, GcpSecret } from '@contract/index';
import type { ProviderModule } from '../provider-module';
import { createGcpComputeDriver, GCE_COMPUTE_CAPABILITIES } from './compute/gce-compute-driver';
import { createGcpDriver, GCP_LOCATION } from './gcp-driver';

export { latestInFamily } from './gcp-latest-in-family';

/** The account's own project first, then the chosen public image projects, without repeats. */
export function gcpProjectsToCache(connection: GcpConnection): string[] {
  return [...new Set([connection.projectId, ...connection.imageProjects])];
}

export const gcpProvider: ProviderModule<GcpConnection, GcpSecret> = {
  cloud: 'gcp',
  label: 'Google Cloud',
  capabilities: {
    listImages: { supported: true, reason: null },
    testConnection: { supported: true, reason: null },
    getImage: { supported: true, reason: null },
    latestInFamily: { supported: true, reason: null },
    // Launch and lifecycle take a ZONE (us-central1-a) as their location, not "global".
    launch: { supported: true, reason: null },
    capture: GCE_COMPUTE_CAPABILITIES.capture,
    copy: GCE_COMPUTE_CAPABILITIES.copy,
    deprecate: GCE_COMPUTE_CAPABILITIES.deprecate,
    delete: GCE_COMPUTE_CAPABILITIES.delete,
  },
  // Images are global in Compute Engine: one location, one source per project.
  sourcesFor: (connection) =>
    gcpProjectsToCache(connection).map((owner) => ({ location: GCP_LOCATION, owner })),
  // The service account's email lives in the secret; the project is what the connection can say.
  identityOf: (connection) => connection.projectId,
  endpointOf: (connection) => connection.endpoint ?? null,
  createDriver: (connection, secret, tuning) =>
    createGcpDriver(connection, secret, { pageSize: tuning?.pageSize }),
  createComputeDriver: (connection, secret, tuning) =>
    createGcpComputeDriver(connection, secret, { pollIntervalMs: tuning?.pollIntervalMs }),
};
