import { afterAll, beforeAll } from 'vitest';
import type { CloudDriver } from '../../main/providers/driver';
import type { ComputeDriver } from '../../main/providers/compute-driver';
import { azureProvider } from '../../main/providers/azure/azure-provider';
import type { AzureSandbox } from '../../main/sandbox/azure';
import { describeComputeContract, type ComputeSuiteTarget } from './shared/compute-contract-suite';
import { launchSpecFor, startComputeSandbox, TEST_POLL_MS } from '../support/azure-compute-fixture';

/**
 * Azure in the shared compute suite, against the HTTPS stand-in through the real
 * @azure/arm-compute and @azure/arm-network clients. The bad spec names a subnet that does not
 * exist in the virtual network: Network RP refuses the network interface (InvalidResourceReference).
 *
 * Two adaptations, both about the suite's cloud-neutral vocabulary rather than behaviour:
 * - the catalog keeps ARM's own provisioningState as an image's `state` ("Succeeded"), which
 *   the suite's ['available', 'active', 'ready'] does not list, so `getImage` is read through a
 *   view that calls Succeeded "available" (Creating stays Creating: a capture still has to finish);
 * - Azure deprecates Compute Gallery versions only, and a capture makes a managed image, so the
 *   suite sees the driver without `deprecateImage` (gallery deprecation is tested in
 *   azure-compute.test.ts).
 */
let sandbox: AzureSandbox;
let target: ComputeSuiteTarget;

beforeAll(async () => {
  sandbox = await startComputeSandbox();
  const { connection, secret } = sandbox;
  const compute: ComputeDriver = azureProvider.createComputeDriver!(connection, secret, {
    pollIntervalMs: TEST_POLL_MS,
  });
  const catalog = azureProvider.createDriver(connection, secret);
  const images: CloudDriver = {
    ...catalog,
    getImage: async (location, imageId, signal) => {
      const found = await catalog.getImage!(location, imageId, signal);
      return found && found.state === 'Succeeded' ? { ...found, state: 'available' } : found;
    },
  };
  const { name: _name, count: _count, ...spec } = launchSpecFor(sandbox, 'unused');
  target = {
    compute: { ...compute, deprecateImage: undefined },
    images,
    location: 'westeurope',
    spec,
    breakSpec: (s) => ({
      ...s,
      subnetId: (s.subnetId ?? '').replace(/subnets\/[^/]+$/, 'subnets/snet-gone'),
    }),
    refusal: /subnet/i,
    timeoutMs: 15_000,
  };
});

afterAll(async () => {
  await sandbox.stop();
});

describeComputeContract('azure', () => target);
