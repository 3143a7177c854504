import { afterAll, beforeAll } from 'vitest';
import type { GcpConnection, GcpSecret } from '@contract/index';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';
import { gcpProvider } from '../../main/providers/gcp/gcp-provider';
import {
  describeDriverContract,
  type DriverSuiteTarget,
  type FaultKind,
} from './shared/driver-contract-suite';

let sandbox: GcpSandbox;
let target: DriverSuiteTarget<GcpConnection, GcpSecret>;

beforeAll(async () => {
  sandbox = await startGcpSandbox({ referenceDate: new Date('2026-11-23T12:00:00Z') });
  const connection: GcpConnection = { ...sandbox.connection, imageProjects: ['debian-cloud'] };
  target = {
    provider: gcpProvider,
    connection,
    secret: sandbox.secret,
    // debian-cloud holds ~260 images: three pages of 100.
    scope: { location: 'global', owner: 'debian-cloud' },
    minImages: 200,
    pageSize: 100,
    // The same service account, signing with a key Google does not know.
    wrongSecret: { kind: 'service-account', keyJson: await sandbox.createKeyJson({ registered: false }) },
    unreachable: { ...connection, endpoint: 'http://127.0.0.1:9' },
    // Each fault is the real thing on the wire; 429 and 503 twice, so the client's retries must carry it.
    injectFault: (kind: FaultKind) =>
      sandbox.faults.arm({ kind, times: kind === 'latency' ? 1 : 2, ms: 300 }),
    clearFaults: () => sandbox.faults.clear(),
    lookup: {
      existingId: `projects/debian-cloud/global/images/${sandbox.catalog.images('debian-cloud')[0]?.name ?? 'none'}`,
      missingId: 'projects/debian-cloud/global/images/debian-9-stretch-v20170101',
      location: 'global',
    },
  };
});

afterAll(async () => {
  await sandbox?.stop();
});

describeDriverContract('gcp', () => target);
