import { describe, expect, it } from 'vitest';
import type { LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError } from '../../main/providers/driver';
import { computeError } from '../../main/providers/openstack/compute/compute-errors';
import { serviceBase } from '../../main/providers/openstack/compute/compute-session';
import { ruleBody } from '../../main/providers/openstack/compute/neutron-security-groups';
import { serverBody } from '../../main/providers/openstack/compute/nova-launch';
import { readServer, serverState } from '../../main/providers/openstack/compute/server-status';
import { errorDetail, HttpStatusError } from '../../main/providers/openstack/openstack-http';

const context = {
  activity: 'launch "web"',
  region: 'RegionOne',
  who: 'user demo in project demo',
  authKind: 'password' as const,
};

const spec: LaunchSpec = {
  location: 'RegionOne',
  imageId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  flavorId: '2',
  networkId: 'net-1',
  subnetId: null,
  publicIp: false,
  securityGroupIds: ['sg-1'],
  keyName: 'ops',
  publicKey: null,
  volumes: [{ sizeGb: 50, type: 'ssd', encrypted: false, kmsKeyId: null }],
  userData: null,
  name: 'web',
  count: 2,
  tags: { billing: 'cc-1' },
  computeResource: null,
};

describe('OpenStack compute wire helpers', () => {
  it("maps Nova's status and task state to Hangar's server states", () => {
    expect(serverState('BUILD', 'scheduling')).toBe('pending');
    expect(serverState('BUILD', 'spawning')).toBe('building');
    expect(serverState('ACTIVE', null)).toBe('running');
    expect(serverState('ACTIVE', 'deleting')).toBe('stopping');
    expect(serverState('SHUTOFF', null)).toBe('stopped');
    expect(serverState('ERROR', null)).toBe('failed');
    expect(serverState('DELETED', null)).toBe('terminated');
  });

  it('reads a server: floating addresses first, the fault as the reason, "" image as none', () => {
    const server = readServer({
      id: 's-1',
      name: 'web',
      status: 'ERROR',
      image: '',
      fault: { code: 500, message: 'No valid host was found. ' },
      addresses: {
        private: [
          { version: 6, addr: 'fd00::5', 'OS-EXT-IPS:type': 'fixed' },
          { version: 4, addr: '10.0.0.5', 'OS-EXT-IPS:type': 'fixed' },
          { version: 4, addr: '172.24.4.9', 'OS-EXT-IPS:type': 'floating' },
        ],
      },
    });
    expect(server).toEqual({
      id: 's-1',
      name: 'web',
      state: 'failed',
      addresses: ['172.24.4.9', '10.0.0.5', 'fd00::5'],
      imageId: null,
      reason: 'No valid host was found. ',
    });
  });

  it('writes ingress rules as Neutron takes them', () => {
    expect(ruleBody('g', { protocol: 'tcp', fromPort: 0, toPort: 65535, cidr: '0.0.0.0/0' })).toEqual({
      security_group_id: 'g',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      remote_ip_prefix: '0.0.0.0/0',
    });
    expect(ruleBody('g', { protocol: 'icmp', fromPort: 8, toPort: 0, cidr: '::/0' })).toMatchObject({
      ethertype: 'IPv6',
      protocol: 'ipv6-icmp',
      port_range_min: 8,
      port_range_max: 0,
    });
    expect(() => ruleBody('g', { protocol: 'tcp', fromPort: 90, toPort: 80, cidr: '0.0.0.0/0' })).toThrow(
      CloudError,
    );
    expect(() => ruleBody('g', { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: 'anywhere' })).toThrow(
      /source range/,
    );
  });

  it('builds the server request: groups by id, blank volumes, metadata, a reservation for several', () => {
    const body = serverBody(
      spec,
      { metadata: { billing: 'cc-1' }, userData: null },
      [{ uuid: 'net-1' }],
      false,
      67,
    );
    expect(body).toEqual({
      name: 'web',
      imageRef: spec.imageId,
      flavorRef: '2',
      min_count: 2,
      max_count: 2,
      networks: [{ uuid: 'net-1' }],
      security_groups: [{ name: 'sg-1' }],
      key_name: 'ops',
      metadata: { billing: 'cc-1' },
      block_device_mapping_v2: [
        {
          source_type: 'blank',
          destination_type: 'volume',
          boot_index: -1,
          volume_size: 50,
          volume_type: 'ssd',
          delete_on_termination: true,
        },
      ],
      return_reservation_id: true,
    });
    expect(() => serverBody(spec, { metadata: {}, userData: null }, undefined, false, 60)).toThrow(
      /microversion 2\.60/,
    );
  });

  it('finds the API root in catalog URLs', () => {
    expect(serviceBase('compute', 'http://nova:8774/v2.1/')).toBe('http://nova:8774/v2.1');
    expect(serviceBase('compute', 'http://nova:8774')).toBe('http://nova:8774/v2.1');
    expect(serviceBase('network', 'http://neutron:9696/v2.0/')).toBe('http://neutron:9696');
    expect(serviceBase('image', 'http://host/image/v2')).toBe('http://host/image');
  });

  it("reads Nova's and Neutron's error envelopes", () => {
    expect(errorDetail('{"badRequest": {"code": 400, "message": "Network x could not be found."}}')).toBe(
      'Network x could not be found.',
    );
    expect(
      errorDetail(
        '{"NeutronError": {"type": "PortNotFound", "message": "Port p could not be found.", "detail": ""}}',
      ),
    ).toBe('Port p could not be found.');
  });

  it("turns the cloud's refusals into errors that say what to do", () => {
    const quota = computeError(
      new HttpStatusError(
        'Nova',
        403,
        'u',
        'Quota exceeded for cores: Requested 4, but already used 18 of 20 cores',
      ),
      context,
      'pw',
    );
    expect(quota.appError.code).toBe('cloud-error');
    expect(quota.appError.message).toMatch(
      /^Nova refused to launch "web" in RegionOne: Quota exceeded for cores.*raise the quota/,
    );
    const bad = computeError(
      new HttpStatusError('Nova', 400, 'u', 'Invalid key_name provided.'),
      { ...context, hint: 'Check the key pair.' },
      'pw',
    );
    expect(bad.appError).toEqual({
      code: 'invalid-request',
      message: 'Nova refused to launch "web" in RegionOne: Invalid key_name provided. Check the key pair.',
    });
    const denied = computeError(
      new HttpStatusError(
        'Nova',
        403,
        'u',
        'Policy does not allow os_compute_api:servers:create to be performed.',
      ),
      context,
      'pw',
    );
    expect(denied.appError.code).toBe('cloud-permission');
  });
});
