import { describe, expect, it } from 'vitest';
import {
  defaultFlavorId,
  filterFlavors,
  formatMemory,
} from '../../renderer/src/features/launch/model/flavors';
import { parseRules, RULE_PRESETS } from '../../renderer/src/features/launch/model/firewall-rules';
import { isOpenSshPublicKey } from '../../renderer/src/features/launch/model/key-files';
import {
  defaultZone,
  recordLaunchRefusal,
  recordPlaces,
  serverNameFrom,
} from '../../renderer/src/features/launch/model/place-choices';
import type { RegistryMapping } from '@contract/index';
import { awsOptions, place } from './launch-dialog-fixtures';

const flavors = awsOptions().flavors;

describe('flavors', () => {
  it('defaults to the smallest one that fits, none when nothing fits', () => {
    expect(defaultFlavorId(flavors)).toBe('t3.micro');
    expect(defaultFlavorId(flavors.map((f) => ({ ...f, unfitReason: 'no' })))).toBe('');
  });

  it('filters by name, architecture and sizes as the table writes them', () => {
    const ids = (text: string) => filterFlavors(flavors, text).map((f) => f.id);
    expect(ids('m5')).toEqual(['m5.large']);
    expect(ids('arm64')).toEqual(['t4g.micro']);
    expect(ids('4 vcpu')).toEqual(['c5.xlarge']);
    expect(ids('8 gib x86_64')).toEqual(['m5.large', 'c5.xlarge']);
    expect(ids('2 vcpus 1 GiB')).toEqual(['t4g.micro', 't3.micro']);
    expect(ids('  ')).toHaveLength(4);
  });

  it('writes memory in MiB or GiB', () => {
    expect(formatMemory(512)).toBe('512 MiB');
    expect(formatMemory(8192)).toBe('8 GiB');
    expect(formatMemory(1536)).toBe('1.5 GiB');
  });
});

describe('firewall rules', () => {
  it('reads the presets and a blank "To port" as the same port', () => {
    const { rules, errors } = parseRules([
      ...RULE_PRESETS.map((p) => p.rule),
      { protocol: 'tcp', fromPort: '8080', toPort: '', cidr: '10.0.0.0/8' },
    ]);
    expect(errors.every((e) => Object.keys(e).length === 0)).toBe(true);
    expect(rules).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 8080, toPort: 8080, cidr: '10.0.0.0/8' },
    ]);
  });

  it('takes ICMP without ports, and says which field of which row is wrong', () => {
    const { rules, errors } = parseRules([
      { protocol: 'icmp', fromPort: '', toPort: '', cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 'ssh', toPort: '', cidr: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: '443', toPort: '80', cidr: 'anywhere' },
    ]);
    expect(rules).toBeNull();
    expect(errors[0]).toEqual({});
    expect(errors[1]).toEqual({
      fromPort: 'a port number from 0 to 65535',
      toPort: 'a port number from 0 to 65535',
    });
    expect(errors[2]?.cidr).toBe('a source range such as 203.0.113.0/24');
  });
});

describe('places', () => {
  const mapping = (patch: Partial<RegistryMapping>): RegistryMapping => ({
    id: 'map-1',
    cloud: 'aws',
    accountId: 'acc-aws',
    accountName: 'Prod',
    location: 'eu-west-1',
    cloudImageId: 'ami-1',
    computeResource: null,
    imageName: 'web',
    imageCreatedAt: null,
    ownerId: '123',
    ownedByAccount: true,
    registeredAt: '2025-01-01T00:00:00.000Z',
    drift: { state: 'ok', checkedAt: null, lastConfirmedAt: null, detail: null },
    ...patch,
  });

  it('offers a record only where it maps to, warning about images gone', () => {
    const places = recordPlaces([
      mapping({}),
      mapping({
        id: 'map-2',
        location: 'us-east-1',
        drift: { state: 'missing', checkedAt: null, lastConfirmedAt: null, detail: null },
      }),
    ]);
    expect(places.map((p) => [p.location, p.warning])).toEqual([
      ['eu-west-1', null],
      ['us-east-1', 'the cloud no longer has this image'],
    ]);
  });

  it('refuses deleted records and records without mappings', () => {
    expect(recordLaunchRefusal({ access: 'deleted', mappings: [{}] })).toMatch(
      /Deleted records offer no new launches/,
    );
    expect(recordLaunchRefusal({ access: 'private', mappings: [] })).toMatch(/maps to no cloud image/);
    expect(recordLaunchRefusal({ access: 'public', mappings: [{}] })).toBeNull();
  });

  it('makes a server name the clouds accept from an image name', () => {
    expect(serverNameFrom('ubuntu/images/hvm-ssd/Ubuntu Noble 24.04')).toBe('ubuntu-noble-24.04');
    expect(serverNameFrom('  --Web server!! ')).toBe('web-server');
    expect(serverNameFrom('???')).toBe('server');
    // At most 40 characters, never ending in a dash or a dot.
    expect(serverNameFrom(`${'a'.repeat(39)}-tail`)).toBe('a'.repeat(39));
  });

  it('starts GCE launches in the mapping’s zone, else a common one', () => {
    expect(defaultZone(place({ cloud: 'gcp', location: 'global' }))).toBe('us-central1-a');
    expect(defaultZone(place({ cloud: 'gcp', location: 'europe-west4-b' }))).toBe('europe-west4-b');
  });

  it('recognises an OpenSSH public key line', () => {
    expect(isOpenSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@x')).toBe(true);
    expect(isOpenSshPublicKey('AAAAC3NzaC1lZDI1NTE5AAAAIG')).toBe(false);
  });
});
