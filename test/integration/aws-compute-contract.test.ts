import { afterAll, beforeAll } from 'vitest';
import type { AwsConnection, AwsSecret } from '@contract/index';
import { awsProvider } from '../../main/providers/aws/aws-provider';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { describeComputeContract, type ComputeSuiteTarget } from './shared/compute-contract-suite';

const key = {
  accessKeyId: 'AKIACOMPUTESUITE0001',
  secretAccessKey: 'generated-compute-suite-secret-000000000',
};
let sandbox: Ec2Sandbox;
let target: ComputeSuiteTarget;

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: ['us-east-1', 'eu-west-1'],
    // Short, so the suite's builds and captures finish in well under a second.
    compute: { bootMs: 80, shutdownMs: 50, captureMs: 120, copyMs: 120 },
  });
  const connection: AwsConnection = {
    accessKeyId: key.accessKeyId,
    regions: ['us-east-1'],
    owners: ['amazon'],
    endpoint: sandbox.endpoint,
  };
  const secret: AwsSecret = { secretAccessKey: key.secretAccessKey };
  const compute = awsProvider.createComputeDriver!(connection, secret, { pollIntervalMs: 20 });
  // A current Amazon Linux build: x86_64, available, not deprecated, so t3.micro can run it.
  const image = sandbox.catalog
    .publicImages('us-east-1')
    .filter(
      (i) =>
        i.ownerAlias === 'amazon' &&
        i.architecture === 'x86_64' &&
        i.state === 'available' &&
        i.platform === undefined &&
        (i.deprecationTime === undefined || Date.parse(i.deprecationTime) > Date.now()),
    )
    .at(-1);
  if (!image) throw new Error('the sandbox seeded no launchable Amazon image');
  const [network] = await compute.listNetworks('us-east-1');
  target = {
    compute,
    images: awsProvider.createDriver(connection, secret),
    location: 'us-east-1',
    spec: {
      location: 'us-east-1',
      imageId: image.imageId,
      flavorId: 't3.micro',
      networkId: network?.id ?? null,
      subnetId: network?.subnets[0]?.id ?? null,
      publicIp: true,
      securityGroupIds: [],
      keyName: null,
      publicKey: null,
      volumes: [{ sizeGb: 20, type: 'gp3', encrypted: true, kmsKeyId: null }],
      userData: '#cloud-config\npackages: [nginx]\n',
      tags: { team: 'suite' },
      computeResource: null,
    },
    breakSpec: (spec) => ({ ...spec, subnetId: 'subnet-0000000000000dead' }),
    refusal: /subnet/i,
    timeoutMs: 5_000,
  };
});

afterAll(async () => {
  await sandbox.stop();
});

describeComputeContract('aws', () => target);
