import { afterAll, beforeAll } from 'vitest';
import type { AzureConnection, AzureSecret } from '@contract/index';
import { startAzureSandbox, type AzureFault, type AzureSandbox } from '../../main/sandbox/azure';
import { azureProvider } from '../../main/providers/azure/azure-provider';
import {
  describeDriverContract,
  type DriverSuiteTarget,
  type FaultKind,
} from './shared/driver-contract-suite';

/**
 * Azure in the shared suite. The source is a location's Compute Gallery versions: the one Azure
 * scope that pages with `nextLink` (a "page" is one ARM list page of galleries, definitions or
 * versions). ARM picks page sizes itself, so the stand-in is started with 4 items per page and the
 * suite's `pageSize` is informational; faults hit the version lists, the second request onwards
 * for the ones that only make sense mid-listing.
 */
let sandbox: AzureSandbox;
let target: DriverSuiteTarget<AzureConnection, AzureSecret>;
const versionFaults: Record<FaultKind, AzureFault> = {
  latency: { kind: 'latency', ms: 300 },
  'throttle-429': { kind: 'error', status: 429, code: 'TooManyRequests', retryAfterSeconds: 1, times: 2 },
  'unavailable-503': { kind: 'error', status: 503, code: 'ServiceUnavailable', times: 2 },
  'malformed-body': { kind: 'malformed', skip: 1 },
  'truncated-page': { kind: 'truncated', skip: 1 },
  'repeated-page-token': { kind: 'repeat-next-link', skip: 1 },
};

beforeAll(async () => {
  sandbox = await startAzureSandbox({ pageSize: 4, locations: ['westeurope', 'eastus'] });
  const connection = sandbox.connection;
  target = {
    provider: azureProvider,
    connection,
    secret: sandbox.secret,
    scope: { location: 'westeurope', owner: 'galleries' },
    minImages: 30,
    pageSize: 4,
    wrongSecret: { clientSecret: 'generated-wrong-client-secret-value-000' },
    unreachable: { ...connection, endpoint: 'https://127.0.0.1:9', authorityHost: 'https://127.0.0.1:9' },
    injectFault: (kind) =>
      sandbox.faults.add({ ...versionFaults[kind], operation: 'galleryImageVersions.listByGalleryImage' }),
    clearFaults: () => sandbox.faults.clear(),
    // A gallery version replicated to West Europe, and the same definition at a version never published.
    lookup: {
      existingId: String(
        sandbox.catalog.galleries[0]?.definitions
          .flatMap((d) => d.versions)
          .find((v) => JSON.stringify(v).includes('"West Europe"'))?.id,
      ),
      missingId: `${String(sandbox.catalog.galleries[0]?.definitions[0]?.definition.id)}/versions/9.9.9`,
      location: 'westeurope',
    },
  };
});

afterAll(async () => {
  await sandbox.stop();
});

describeDriverContract('azure', () => target);
