import type { LaunchEntry, OperationSnapshot, RegistryMapping, RegistryRecord } from '@contract/index';

type Server = LaunchEntry['servers'][number];

export const server = (name: string, state: Server['state'], extra: Partial<Server> = {}): Server => ({
  serverId: `i-${name}`,
  name,
  state,
  addresses: [],
  reason: null,
  ...extra,
});

export function launch(extra: Partial<LaunchEntry> = {}): LaunchEntry {
  return {
    id: 'launch-1',
    workspaceId: 'ws-1',
    by: 'ada',
    at: '2025-03-01T10:00:00.000Z',
    cloud: 'aws',
    accountId: 'acct-1',
    accountName: 'Prod',
    location: 'us-east-1',
    imageId: 'ami-0abc',
    recordId: null,
    spec: { Name: 'web', Count: '1', Image: 'ami-0abc' },
    state: 'running',
    error: null,
    servers: [server('web', 'running', { addresses: ['10.0.0.5', '203.0.113.9'] })],
    operationId: 'op-1',
    ...extra,
  };
}

export function mapping(extra: Partial<RegistryMapping> = {}): RegistryMapping {
  return {
    id: 'map-1',
    cloud: 'aws',
    accountId: 'acct-1',
    accountName: 'Prod',
    location: 'us-east-1',
    cloudImageId: 'ami-0abc',
    computeResource: null,
    imageName: 'ubuntu-22.04-vendor',
    imageCreatedAt: null,
    ownerId: '099720109477',
    ownedByAccount: false,
    registeredAt: '2025-01-01T00:00:00.000Z',
    drift: { state: 'ok', checkedAt: null, lastConfirmedAt: null, detail: null },
    ...extra,
  };
}

export const record = (mappings: RegistryMapping[], extra: Partial<RegistryRecord> = {}) =>
  ({
    id: 'img-1',
    name: 'Ubuntu 22.04 base',
    alias: '',
    osFamily: 'ubuntu',
    osVersion: '22.04',
    architecture: 'x86_64',
    mappings,
    ...extra,
  }) as RegistryRecord;

export function snapshot(extra: Partial<OperationSnapshot> = {}): OperationSnapshot {
  return {
    operationId: 'op-9',
    workspaceId: 'ws-1',
    kind: 'capture',
    title: 'Capture web-img',
    state: 'running',
    step: 'Waiting for the image…',
    progress: 0.4,
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: null,
    error: null,
    cancellable: false,
    result: null,
    ...extra,
  };
}
