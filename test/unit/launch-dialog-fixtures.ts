import type { LaunchOptions, OperationSnapshot } from '@contract/index';
import type { PlaceChoice } from '../../renderer/src/features/launch/model/place-choices';

/** Small, explicit fixtures for the launch dialog's pure logic. */

export function awsOptions(patch: Partial<LaunchOptions> = {}): LaunchOptions {
  return {
    cloud: 'aws',
    capabilities: {
      launch: { supported: true, reason: null },
      keyPairs: 'create-or-import',
      securityGroups: true,
      publicIp: true,
      volumes: true,
      capture: { supported: true, reason: null },
      copy: { supported: true, reason: null },
      deprecate: { supported: true, reason: null },
      delete: { supported: true, reason: null },
    },
    image: {
      id: 'ami-0abc',
      name: 'ubuntu-noble-24.04',
      architecture: 'x86_64',
      minDiskGb: 8,
      minRamMiB: null,
      state: 'available',
    },
    flavors: [
      {
        id: 'm5.large',
        name: 'm5.large',
        vcpus: 2,
        memoryMiB: 8192,
        diskGb: null,
        architecture: 'x86_64',
        unfitReason: null,
      },
      {
        id: 't4g.micro',
        name: 't4g.micro',
        vcpus: 2,
        memoryMiB: 1024,
        diskGb: null,
        architecture: 'arm64',
        unfitReason: 'runs arm64; the image is x86_64',
      },
      {
        id: 't3.micro',
        name: 't3.micro',
        vcpus: 2,
        memoryMiB: 1024,
        diskGb: null,
        architecture: 'x86_64',
        unfitReason: null,
      },
      {
        id: 'c5.xlarge',
        name: 'c5.xlarge',
        vcpus: 4,
        memoryMiB: 8192,
        diskGb: null,
        architecture: 'x86_64',
        unfitReason: null,
      },
    ],
    networks: [
      {
        id: 'vpc-1',
        name: 'main',
        subnets: [
          { id: 'subnet-a', name: 'public-a', cidr: '10.0.1.0/24' },
          { id: 'subnet-b', name: 'private-b', cidr: '10.0.2.0/24' },
        ],
      },
      { id: 'vpc-2', name: 'lab', subnets: [{ id: 'subnet-c', name: 'lab-c', cidr: '10.9.0.0/24' }] },
    ],
    keyPairs: [{ name: 'ops', fingerprint: 'ab:cd', type: 'ed25519' }],
    ...patch,
  };
}

export function place(patch: Partial<PlaceChoice> = {}): PlaceChoice {
  return {
    id: 'map-1',
    cloud: 'aws',
    accountId: 'acc-aws',
    accountName: 'Prod',
    location: 'eu-west-1',
    imageId: 'ami-0abc',
    imageName: 'ubuntu-noble-24.04',
    computeResource: null,
    warning: null,
    ...patch,
  };
}

export function operation(patch: Partial<OperationSnapshot> = {}): OperationSnapshot {
  return {
    operationId: 'op-1',
    workspaceId: 'ws-1',
    kind: 'launch',
    title: 'Launch web (1×)',
    state: 'running',
    step: 'Asking the cloud to start the servers…',
    progress: 0.05,
    startedAt: '2025-01-10T10:00:00.000Z',
    finishedAt: null,
    error: null,
    cancellable: true,
    result: null,
    ...patch,
  };
}
