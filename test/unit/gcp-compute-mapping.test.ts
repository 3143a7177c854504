import { describe, expect, it } from 'vitest';
import type { LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError } from '../../main/providers/driver';
import { deprecationBody } from '../../main/providers/gcp/compute/gce-image-lifecycle';
import { instanceResource } from '../../main/providers/gcp/compute/gce-instance-request';
import {
  gceLabels,
  instanceNames,
  networkPath,
  serverRef,
  subnetworkPath,
  zoneOf,
} from '../../main/providers/gcp/compute/gce-names';
import { firewallsFor } from '../../main/providers/gcp/compute/gce-networking';
import { operationFailure } from '../../main/providers/gcp/compute/gce-operations';
import { addressesOf, serverStateOf } from '../../main/providers/gcp/compute/gce-server-status';

const refusalOf = (work: () => unknown): CloudError => {
  try {
    work();
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('Compute Engine names and labels', () => {
  it('takes zones as locations and explains "global"', () => {
    expect(zoneOf('europe-west1-b')).toBe('europe-west1-b');
    expect(refusalOf(() => zoneOf('global')).appError.message).toMatch(/images are global, servers are not/);
    expect(refusalOf(() => zoneOf('us-central1')).appError.code).toBe('invalid-request');
  });

  it('names several servers name-1 … name-N within 63 characters', () => {
    expect(instanceNames('Web Server', 1)).toEqual(['web-server']);
    expect(instanceNames('api', 3)).toEqual(['api-1', 'api-2', 'api-3']);
    const long = instanceNames('a'.repeat(63), 12);
    expect(long.every((n) => n.length <= 63)).toBe(true);
    expect(long.at(-1)).toMatch(/-12$/);
    expect(refusalOf(() => instanceNames('9lives', 1)).appError.message).toMatch(/start with a letter/);
  });

  it('lowercases labels, turns other characters into underscores, and refuses what cannot fit', () => {
    expect(gceLabels({ 'Billing Code': 'CC-1234', 'cost.center': 'R&D', Gruppe: 'Büro' })).toEqual({
      billing_code: 'cc-1234',
      cost_center: 'r_d',
      gruppe: 'büro',
    });
    expect(refusalOf(() => gceLabels({ _x: '1' })).appError.message).toMatch(/start with a lowercase letter/);
    expect(refusalOf(() => gceLabels({ a: 'x'.repeat(64) })).appError.message).toMatch(/63 characters/);
    expect(refusalOf(() => gceLabels({ Team: 'a', team: 'b' })).appError.message).toMatch(
      /both become the label "team"/,
    );
  });

  it('writes networks, subnetworks and servers as projects/… paths', () => {
    expect(networkPath('p1', 'default')).toBe('projects/p1/global/networks/default');
    expect(
      networkPath('p1', 'https://www.googleapis.com/compute/v1/projects/host/global/networks/shared'),
    ).toBe('projects/host/global/networks/shared');
    expect(subnetworkPath('p1', 'us-east1', 'apps')).toBe('projects/p1/regions/us-east1/subnetworks/apps');
    expect(serverRef('global', 'zones/asia-east1-a/instances/db')).toEqual({
      zone: 'asia-east1-a',
      name: 'db',
    });
    expect(serverRef('us-west1-b', 'db')).toEqual({ zone: 'us-west1-b', name: 'db' });
  });
});

describe('Compute Engine requests and answers', () => {
  const spec: LaunchSpec = {
    location: 'us-east1-c',
    imageId: 'projects/debian-cloud/global/images/debian-12-bookworm-v20261101',
    flavorId: 'n2-standard-2',
    networkId: null,
    subnetId: 'apps',
    publicIp: true,
    securityGroupIds: [],
    keyName: null,
    publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk2 me@host',
    volumes: [{ sizeGb: 200, type: 'pd-ssd', encrypted: true, kmsKeyId: null }],
    userData: '#cloud-config\n',
    name: 'db',
    count: 1,
    tags: {},
    computeResource: null,
  };

  it('builds the instances.insert body', () => {
    const body = instanceResource(spec, 'db', {
      project: 'p1',
      zone: 'us-east1-c',
      region: 'us-east1',
      imagePath: spec.imageId,
      labels: { env: 'prod' },
      networkTags: ['web'],
    });
    expect(body).toMatchObject({
      name: 'db',
      machineType: 'zones/us-east1-c/machineTypes/n2-standard-2',
      networkInterfaces: [
        {
          subnetwork: 'projects/p1/regions/us-east1/subnetworks/apps',
          accessConfigs: [{ type: 'ONE_TO_ONE_NAT', name: 'External NAT', networkTier: 'PREMIUM' }],
        },
      ],
      metadata: {
        items: [
          { key: 'ssh-keys', value: 'hangar:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk2 me@host' },
          { key: 'user-data', value: '#cloud-config\n' },
        ],
      },
      labels: { env: 'prod' },
      tags: { items: ['web'] },
    });
    expect(body.disks?.[0]?.initializeParams?.sourceImage).toBe(spec.imageId);
    expect(body.disks?.[1]).toMatchObject({
      deviceName: 'data-1',
      initializeParams: {
        diskName: 'db-data-1',
        diskSizeGb: '200',
        diskType: 'zones/us-east1-c/diskTypes/pd-ssd',
      },
    });
  });

  it('splits a security group into one firewall rule per source range, all aimed at its tag', () => {
    const rules = firewallsFor('web', 'web tier', 'projects/p1/global/networks/default', [
      { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
      { protocol: 'udp', fromPort: 1000, toPort: 2000, cidr: '10.0.0.0/8' },
    ]);
    expect(rules).toEqual([
      expect.objectContaining({
        name: 'web',
        sourceRanges: ['0.0.0.0/0'],
        allowed: [{ IPProtocol: 'tcp', ports: ['80', '443'] }],
        targetTags: ['web'],
      }),
      expect.objectContaining({
        name: 'web-2',
        sourceRanges: ['10.0.0.0/8'],
        allowed: [{ IPProtocol: 'udp', ports: ['1000-2000'] }],
        targetTags: ['web'],
      }),
    ]);
  });

  it('deprecates now, announces a later date on an ACTIVE image, and clears', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(deprecationBody(new Date('2026-12-01T00:00:00Z'), now)).toEqual({
      state: 'DEPRECATED',
      deprecated: '2026-12-01T00:00:00.000Z',
    });
    expect(deprecationBody(new Date('2027-02-01T00:00:00Z'), now)).toEqual({
      state: 'ACTIVE',
      deprecated: '2027-02-01T00:00:00.000Z',
    });
    expect(deprecationBody(null, now)).toEqual({ state: 'ACTIVE' });
  });

  it("maps statuses (TERMINATED is stopped, not gone), addresses, and an operation's errors", () => {
    expect(['PROVISIONING', 'STAGING', 'RUNNING', 'STOPPING', 'TERMINATED'].map(serverStateOf)).toEqual([
      'pending',
      'building',
      'running',
      'stopping',
      'stopped',
    ]);
    expect(
      addressesOf({ networkInterfaces: [{ networkIP: '10.0.0.5', accessConfigs: [{ natIP: '34.1.2.3' }] }] }),
    ).toEqual(['34.1.2.3', '10.0.0.5']);
    const failure = operationFailure(
      {
        error: {
          errors: [
            {
              code: 'ZONE_RESOURCE_POOL_EXHAUSTED',
              message: "The zone 'us-east1-c' does not have enough resources.",
            },
          ],
        },
      },
      'launch db',
    );
    expect(failure.appError.message).toMatch(/does not have enough resources\. The zone has no capacity/);
  });
});
