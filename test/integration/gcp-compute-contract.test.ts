import { afterAll, beforeAll } from 'vitest';
import type { CloudDriver } from '../../main/providers/driver';
import { gcpProvider } from '../../main/providers/gcp/gcp-provider';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';
import { describeComputeContract, type ComputeSuiteTarget } from './shared/compute-contract-suite';

let sandbox: GcpSandbox;
let target: ComputeSuiteTarget;

beforeAll(async () => {
  sandbox = await startGcpSandbox({
    referenceDate: new Date('2026-11-23T12:00:00Z'),
    compute: { operationMs: 150, bootMs: 400, captureMs: 300 },
  });
  const { connection, secret, projectId } = sandbox;
  const compute = gcpProvider.createComputeDriver!(connection, secret, { pollIntervalMs: 20 });
  const catalog = gcpProvider.createDriver(connection, secret);
  const image = sandbox.catalog.latestInFamily('debian-cloud', 'debian-12');
  if (!image) throw new Error('the stand-in seeds no debian-12 image');
  // Compute Engine's launch location is a zone; its images are global, so the catalog driver is
  // asked at "global" whatever zone the suite launches in.
  const images: CloudDriver = {
    ...catalog,
    getImage: (_location, cloudId, signal) => catalog.getImage!('global', cloudId, signal),
  };
  target = {
    compute,
    images,
    location: 'us-central1-a',
    spec: {
      location: 'us-central1-a',
      imageId: `projects/debian-cloud/global/images/${image.name}`,
      flavorId: 'e2-small',
      networkId: `projects/${projectId}/global/networks/default`,
      subnetId: `projects/${projectId}/regions/us-central1/subnetworks/default`,
      publicIp: true,
      securityGroupIds: [],
      keyName: null,
      publicKey:
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk2cTe0m8sJ0pQ3kV3yLq6o8wTn0u2b6N1w8Rj7fQhX suite@hangar',
      volumes: [],
      userData: null,
      tags: { suite: 'compute-contract' },
      computeResource: null,
    },
    // A subnetwork the project does not have: Compute fails the insert operation with RESOURCE_NOT_FOUND.
    breakSpec: (spec) => ({ ...spec, networkId: null, subnetId: 'no-such-subnet' }),
    refusal: /subnetwork|not found/i,
    timeoutMs: 10_000,
  };
});

afterAll(async () => {
  await sandbox?.stop();
});

describeComputeContract('gcp', () => target);
