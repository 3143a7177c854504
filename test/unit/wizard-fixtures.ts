import type { Account, LookupResult, Source } from '@contract/index';

/** Small, explicit fixtures for the registration wizard's pure logic. */
export function account(id: string, cloud: Account['cloud'], name = id): Account {
  return {
    id,
    workspaceId: 'ws-1',
    environmentId: null,
    cloud,
    name,
    kind: 'user',
    locations: [],
    scopes: [],
    identity: null,
    endpoint: null,
    credentials: 'keychain',
    createdAt: '2024-05-01T10:00:00.000Z',
    lastVerifiedAt: null,
  };
}

export function source(accountId: string, location: string, owner = 'self'): Source {
  return {
    id: `${accountId}:${location}:${owner}`,
    accountId,
    accountName: accountId,
    cloud: 'aws',
    location,
    owner,
    imageCount: 10,
    lastSyncedAt: '2024-05-01T10:00:00.000Z',
    lastAttemptAt: '2024-05-01T10:00:00.000Z',
    lastError: null,
    stale: false,
    staleReason: null,
  };
}

export function foundLookup(overrides: Partial<LookupResult> = {}): LookupResult {
  return {
    cloudImageId: 'ami-0abc1234def567890',
    found: true,
    from: 'cloud',
    offlineReason: null,
    cachedAt: null,
    image: {
      name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801',
      description: 'Canonical, Ubuntu, 24.04 LTS, amd64 noble image',
      osFamily: 'ubuntu',
      osVersion: '24.04',
      architecture: 'x86_64',
      sizeGb: 7.5,
      state: 'available',
      ownerId: '099720109477',
      ownedByAccount: false,
      createdAt: '2024-08-01T12:00:00.000Z',
      deprecatesAt: '2026-08-01T12:00:00.000Z',
      family: null,
    },
    problems: [],
    existing: null,
    ...overrides,
  };
}

export function notFoundLookup(from: LookupResult['from'] = 'cloud'): LookupResult {
  return foundLookup({
    found: false,
    from,
    offlineReason: from === 'cache' ? 'you chose to work offline.' : null,
    image: null,
    problems: [
      {
        kind: 'not-found',
        message: 'The cloud has no image ami-0abc1234def567890. Check the id and the location.',
      },
    ],
  });
}
