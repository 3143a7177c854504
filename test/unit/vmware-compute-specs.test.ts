import { describe, expect, it } from 'vitest';
import { guestInfoEntries, hostNameOf } from '../../main/providers/vmware/compute/guestinfo';
import { configSpecXml } from '../../main/providers/vmware/compute/vm-config-spec';
import { statusOf } from '../../main/providers/vmware/compute/vm-status';
import { sizeOf, VMWARE_SIZES } from '../../main/providers/vmware/compute/vmware-sizes';
import type { NetworkEntry } from '../../main/providers/vmware/compute/vsphere-inventory';
import type { ObjectContent } from '../../main/providers/vmware/vim-session';
import { parseXml } from '../../main/providers/vmware/xml-reader';

/** The pure pieces of the VMware compute driver: sizes, guestinfo, config spec XML, server states. */
describe('VMware sizes', () => {
  it('offers the fixed list with ids that say what they are', () => {
    expect(VMWARE_SIZES.map((s) => [s.id, s.vcpus, s.memoryMiB, s.diskGb])).toEqual([
      ['cpu1-mem1024', 1, 1024, null],
      ['cpu2-mem4096', 2, 4096, null],
      ['cpu4-mem8192', 4, 8192, null],
      ['cpu8-mem16384', 8, 16384, null],
      ['cpu16-mem65536', 16, 65536, null],
    ]);
  });

  it('reads any sensible cpuN-memM id and refuses the rest', () => {
    expect(sizeOf('cpu6-mem12288')).toEqual({ numCpus: 6, memoryMb: 12288 });
    for (const id of ['t3.micro', 'cpu0-mem1024', 'cpu2-mem1025', 'cpu2-mem64', 'cpu2mem4096'])
      expect(sizeOf(id)).toBeNull();
  });
});

describe('VMware guestinfo', () => {
  const decode = (value: string | undefined) => Buffer.from(value ?? '', 'base64').toString('utf8');

  it('writes cloud-init metadata with the public key and base64 user data', () => {
    const entries = new Map(
      guestInfoEntries({
        name: 'Web Server #1',
        imageId: 'vm-42',
        publicKey: ' ssh-ed25519 AAAA key@host \n',
        userData: '#cloud-config\n',
        tags: { team: 'a' },
        instanceId: 'hangar-fixed',
      }),
    );
    expect(JSON.parse(decode(entries.get('guestinfo.metadata')))).toEqual({
      'instance-id': 'hangar-fixed',
      'local-hostname': 'web-server-1',
      'public-keys': ['ssh-ed25519 AAAA key@host'],
    });
    expect(decode(entries.get('guestinfo.userdata'))).toBe('#cloud-config\n');
    expect(entries.get('guestinfo.userdata.encoding')).toBe('base64');
    expect(entries.get('hangar.sourceImage')).toBe('vm-42');
  });

  it('clears user data a template carried over when the launch has none', () => {
    const entries = new Map(
      guestInfoEntries({ name: 'x', imageId: 'vm-1', publicKey: null, userData: '  ', tags: {} }),
    );
    expect([entries.get('guestinfo.userdata'), entries.get('guestinfo.userdata.encoding')]).toEqual(['', '']);
    expect(JSON.parse(decode(entries.get('guestinfo.metadata')))).not.toHaveProperty('public-keys');
    expect(hostNameOf('---')).toBe('hangar-server');
  });
});

describe('VMware config spec XML', () => {
  const network: NetworkEntry = {
    ref: { type: 'DistributedVirtualPortgroup', value: 'dvportgroup-1' },
    name: 'pg',
    datacenter: {
      ref: { type: 'Datacenter', value: 'dc-1' },
      name: 'DC',
      object: { obj: { type: 'Datacenter', value: 'dc-1' }, props: new Map() },
    },
    backing: { kind: 'distributed', switchUuid: '50 01-02', portgroupKey: 'dvportgroup-1' },
  };

  it('writes fields in the WSDL order and escapes values', () => {
    const xml = configSpecXml({
      annotation: 'a & b',
      size: { numCpus: 2, memoryMb: 4096 },
      nic: { card: null, network },
      extraConfig: [['k', '<v>']],
    });
    const order = ['<annotation>', '<numCPUs>', '<memoryMB>', '<deviceChange>', '<extraConfig'].map((tag) =>
      xml.indexOf(tag),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(xml).toContain('<annotation>a &amp; b</annotation>');
    expect(xml).toContain('<operation>add</operation><device xsi:type="VirtualVmxnet3">');
    expect(xml).toContain('<portgroupKey>dvportgroup-1</portgroupKey>');
    expect(xml).toContain('<value xsi:type="xsd:string">&lt;v&gt;</value>');
    expect(configSpecXml({})).toBe('');
  });
});

describe('VMware server states', () => {
  const vm = (props: Record<string, string>): ObjectContent => ({
    obj: { type: 'VirtualMachine', value: 'vm-7' },
    props: new Map(Object.entries(props).map(([name, xml]) => [name, parseXml(`<val>${xml}</val>`)])),
  });

  it('maps power state and what Tools report to the contract', () => {
    const on = { name: 'web', 'config.template': 'false', 'runtime.powerState': 'poweredOn' };
    expect(statusOf(vm(on)).state).toBe('building');
    expect(
      statusOf(
        vm({
          ...on,
          'guest.ipAddress': '10.0.0.5',
          'guest.net':
            '<GuestNicInfo><ipAddress>10.0.0.5</ipAddress><ipAddress>fe80::1</ipAddress><ipAddress>2001:db8::5</ipAddress></GuestNicInfo>',
          'config.extraConfig':
            '<OptionValue><key>hangar.sourceImage</key><value>vm-42</value></OptionValue>',
        }),
      ),
    ).toEqual({
      id: 'vm-7',
      name: 'web',
      state: 'running',
      addresses: ['10.0.0.5', '2001:db8::5'],
      imageId: 'vm-42',
      reason: null,
    });
    expect(statusOf(vm({ ...on, 'guest.toolsRunningStatus': 'guestToolsRunning' })).state).toBe('running');
    expect(statusOf(vm({ ...on, 'runtime.powerState': 'poweredOff' })).state).toBe('stopped');
    expect(statusOf(vm({ ...on, 'runtime.powerState': 'suspended' }))).toMatchObject({
      state: 'stopped',
      reason: 'suspended',
    });
  });
});
