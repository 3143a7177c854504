import { afterAll, beforeAll } from 'vitest';
import type { AwsConnection, AwsSecret } from '@contract/index';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { isDeprecated } from '../../main/sandbox/sandbox-image';
import { awsProvider } from '../../main/providers/aws/aws-provider';
import {
  describeDriverContract,
  type DriverSuiteTarget,
  type FaultKind,
} from './shared/driver-contract-suite';

const key = {
  accessKeyId: 'AKIACONTRACTSUITE001',
  secretAccessKey: 'generated-contract-suite-secret-0000000',
};
let sandbox: Ec2Sandbox;
let target: DriverSuiteTarget<AwsConnection, AwsSecret>;

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: ['us-east-1'],
  });
  const connection: AwsConnection = {
    accessKeyId: key.accessKeyId,
    regions: ['us-east-1'],
    owners: ['amazon'],
    endpoint: sandbox.endpoint,
  };
  target = {
    provider: awsProvider,
    connection,
    secret: { secretAccessKey: key.secretAccessKey },
    scope: { location: 'us-east-1', owner: 'amazon' },
    minImages: 100,
    pageSize: 100,
    wrongSecret: { secretAccessKey: 'generated-wrong-contract-secret-000000000' },
    unreachable: { ...connection, endpoint: 'http://127.0.0.1:9' },
    injectFault: (kind: FaultKind) => {
      const faults: Record<FaultKind, () => void> = {
        latency: () => sandbox.faults.addLatency({ action: 'DescribeImages', ms: 300, times: 1 }),
        'throttle-429': () =>
          sandbox.faults.add({ action: 'DescribeImages', code: 'RequestLimitExceeded', times: 2 }),
        'unavailable-503': () =>
          sandbox.faults.add({ action: 'DescribeImages', code: 'Unavailable', status: 503, times: 2 }),
        'malformed-body': () =>
          sandbox.faults.add({ action: 'DescribeImages', code: 'InternalError', times: 1 }),
        'truncated-page': () =>
          sandbox.faults.add({ action: 'DescribeImages', code: 'InternalError', times: 1 }),
        'repeated-page-token': () =>
          sandbox.faults.add({ action: 'DescribeImages', code: 'InternalError', times: 1 }),
      };
      faults[kind]();
    },
    clearFaults: () => sandbox.faults.clear(),
    // A deprecated Amazon image: hidden from plain listings, yet found by id.
    lookup: {
      existingId:
        sandbox.catalog
          .publicImages('us-east-1')
          .find((image) => image.ownerAlias === 'amazon' && isDeprecated(image, sandbox.catalog.reference))
          ?.imageId ?? 'ami-none',
      missingId: 'ami-0f0e0d0c0b0a09080',
      location: 'us-east-1',
    },
  };
});

afterAll(async () => {
  await sandbox.stop();
});

describeDriverContract('aws', () => target);
