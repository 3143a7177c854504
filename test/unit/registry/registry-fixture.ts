import { Low, Memory } from 'lowdb';
import { AppStateStore, defaultAppState, type AppState } from '../../../main/stores/app-state';
import type { LaunchRecord, StoredMapping } from '../../../main/stores/registry-schema';
import { EventBus } from '../../../main/app/event-bus';
import { WorkspaceService } from '../../../main/services/workspace-service';
import { RegistryService } from '../../../main/services/registry/registry-service';
import type { MappingSource } from '../../../main/services/registry/new-mapping';

export const NOW = new Date('2026-11-23T12:00:00.000Z');
export const WS = 'ws-acme';
export const OTHER_WS = 'ws-globex';
export const PROD = 'env-prod';
export const STAGING = 'env-staging';
export const AWS_ACCOUNT = 'acct-aws';

/** App state with two client workspaces (Acme has prod and staging) and one AWS account in Acme. */
export function registryState(): AppStateStore {
  const base = defaultAppState();
  const state: AppState = {
    ...base,
    workspaces: [
      {
        id: WS,
        name: 'Acme',
        color: 'blue',
        kind: 'user',
        environments: [
          { id: PROD, name: 'prod' },
          { id: STAGING, name: 'staging' },
        ],
        createdAt: NOW.toISOString(),
      },
      {
        id: OTHER_WS,
        name: 'Globex',
        color: 'red',
        kind: 'user',
        environments: [],
        createdAt: NOW.toISOString(),
      },
    ],
    accounts: [
      {
        id: AWS_ACCOUNT,
        workspaceId: WS,
        environmentId: null,
        name: 'Acme AWS',
        kind: 'user',
        credentials: 'keychain',
        createdAt: NOW.toISOString(),
        lastVerifiedAt: null,
        cloud: 'aws',
        connection: {
          accessKeyId: 'AKIAFIXTUREFIXTURE12',
          regions: ['us-east-1', 'eu-west-1'],
          owners: ['self'],
        },
      },
    ],
  };
  return new AppStateStore(new Low(new Memory<AppState>(), state));
}

/** Stands in for the cloud lookup: the mapping a register request would get for an image id. */
export class FixedMappings implements MappingSource {
  private count = 0;
  async mappingFor(request: {
    target: { accountId: string; location: string; cloudImageId: string };
  }): Promise<StoredMapping> {
    this.count += 1;
    return {
      id: `map-${this.count}`,
      cloud: 'aws',
      accountId: request.target.accountId,
      location: request.target.location,
      cloudImageId: request.target.cloudImageId,
      computeResource: null,
      imageName: `ubuntu-noble-24.04-amd64-server-2024080${this.count}`,
      imageCreatedAt: '2024-08-01T00:00:00.000Z',
      imageArchitecture: 'x86_64',
      imageFamily: 'ubuntu-noble',
      ownerId: '099720109477',
      ownedByAccount: false,
      registeredAt: NOW.toISOString(),
      drift: { state: 'ok', checkedAt: NOW.toISOString(), lastConfirmedAt: NOW.toISOString(), detail: null },
    };
  }
}

export function registryService(state: AppStateStore, bus = new EventBus()): RegistryService {
  const clock = { now: () => NOW };
  return new RegistryService(
    state,
    new WorkspaceService(state, clock),
    new FixedMappings(),
    bus,
    clock,
    'alice',
  );
}

export const recordFields = {
  name: 'ubuntu-24.04-base',
  alias: 'Ubuntu 24.04 base',
  osFamily: 'Ubuntu',
  osVersion: '24.04',
};

/** A launch of one server from the fixture's AMI; tests change what they are about. */
export function launch(
  change: Partial<LaunchRecord> & {
    serverName?: string;
    serverId?: string | null;
    serverState?: LaunchRecord['servers'][number]['state'];
  },
): LaunchRecord {
  const { serverName = 'web-1', serverId = 'i-0abc', serverState = 'running', ...rest } = change;
  return {
    id: 'launch-1',
    workspaceId: WS,
    by: 'alice',
    at: NOW.toISOString(),
    cloud: 'aws',
    accountId: AWS_ACCOUNT,
    location: 'us-east-1',
    imageId: 'ami-0123456789abcdef0',
    recordId: null,
    spec: { Name: serverName },
    state: 'running',
    error: null,
    servers: [{ serverId, name: serverName, state: serverState, addresses: [], reason: null }],
    operationId: null,
    ...rest,
  };
}
