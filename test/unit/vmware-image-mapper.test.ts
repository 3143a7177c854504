import { describe, expect, it } from 'vitest';
import {
  bytesToGb,
  isoDate,
  mapLibraryItem,
  mapTemplateVm,
  refineOs,
} from '../../main/providers/vmware/image-mapper';
import type { LibraryItemRecord, TemplateVmRecord } from '../../main/providers/vmware/vsphere-records';

const library = { id: 'lib-1', name: 'Golden Images', type: 'LOCAL' };

function libraryItem(overrides: Partial<LibraryItemRecord> = {}): LibraryItemRecord {
  return {
    library,
    item: {
      id: '6c1f2d3e-0000-4000-a000-000000000001',
      library_id: 'lib-1',
      name: 'ubuntu-22.04-golden',
      type: 'vm-template',
      description: 'Ubuntu 22.04, CIS level 1',
      size: 5 * 1024 ** 3,
      creation_time: '2024-03-01T10:20:30.123456789Z',
      last_modified_time: '2024-04-01T00:00:00Z',
      content_version: '3',
    },
    template: {
      guest_OS: 'UBUNTU_64',
      vm_template: 'vm-2054',
      cpu: { count: 2, cores_per_socket: 1 },
      memory: { size_MiB: 4096 },
      disks: { '2000': { capacity: 40 * 1024 ** 3 }, '2001': { capacity: 10 * 1024 ** 3 } },
      vm_home_storage: { datastore: 'datastore-11' },
    },
    ...overrides,
  };
}

const templateVm = (overrides: Partial<TemplateVmRecord> = {}): TemplateVmRecord => ({
  moid: 'vm-105',
  name: 'rhel-9.3-base-tmpl',
  datacenterId: 'datacenter-2',
  datacenter: 'DC0',
  guestId: 'rhel9_64Guest',
  guestFullName: 'Red Hat Enterprise Linux 9 (64-bit)',
  annotation: 'RHEL 9.3 minimal',
  createDate: '2023-08-13T13:38:56.028Z',
  numCpu: 2,
  memoryMb: 4096,
  storageBytes: 50 * 1024 ** 3,
  host: 'esx-01.corp.example.com',
  cluster: 'Prod',
  instanceUuid: '4d1b0b34-125b-48d2-ad8c-4f91cb4a691a',
  ...overrides,
});

describe('content library items', () => {
  it('maps a vm-template item with its template details', () => {
    const image = mapLibraryItem(libraryItem());
    expect(image).toMatchObject({
      cloudId: '6c1f2d3e-0000-4000-a000-000000000001',
      name: 'ubuntu-22.04-golden',
      ownerId: 'lib-1',
      ownerAlias: 'Golden Images',
      osFamily: 'ubuntu',
      osVersion: '22.04',
      osRaw: 'UBUNTU_64',
      architecture: 'x86_64',
      createdAt: '2024-03-01T10:20:30.123Z',
      visibility: 'private',
      public: false,
      sizeGb: 50,
      state: 'available',
    });
    expect(image.fields).toEqual(
      expect.arrayContaining([
        { label: 'Content library', value: 'Golden Images' },
        { label: 'Kind', value: 'Content library VM template' },
        { label: 'CPU', value: '2' },
        { label: 'Memory', value: '4 GiB' },
        { label: 'Backing VM template', value: 'vm-2054' },
      ]),
    );
    expect(JSON.parse(JSON.stringify(image.raw))).toEqual({
      library,
      item: libraryItem().item,
      template: libraryItem().template,
    });
  });

  it('maps an ovf item from its name, with the stored size', () => {
    const image = mapLibraryItem(
      libraryItem({
        item: { id: 'i-2', name: 'oracle-linux-8-ovf', type: 'ovf', size: 3 * 1024 ** 3 },
        template: null,
      }),
    );
    expect(image).toMatchObject({
      osFamily: 'oracle',
      osVersion: '8',
      osRaw: null,
      sizeGb: 3,
      createdAt: null,
    });
    expect(image.fields).toContainEqual({
      label: 'Guest OS',
      value: 'not stated by vCenter (inferred from the name)',
    });
  });

  it('marks an item of a subscribed library that is not downloaded yet', () => {
    const image = mapLibraryItem(
      libraryItem({
        library: { ...library, type: 'SUBSCRIBED' },
        item: { id: 'i-3', type: 'ovf', cached: false },
        template: null,
      }),
    );
    expect(image.state).toBe('not-cached');
    expect(image.name).toBe('i-3');
    expect(image.osFamily).toBe('unknown');
  });
});

describe('VM templates', () => {
  it('maps a template with placement and hardware', () => {
    const image = mapTemplateVm(templateVm());
    expect(image).toMatchObject({
      cloudId: 'vm-105',
      ownerId: 'datacenter-2',
      ownerAlias: 'DC0',
      osFamily: 'rhel',
      osVersion: '9.3',
      osRaw: 'rhel9_64Guest',
      createdAt: '2023-08-13T13:38:56.028Z',
      sizeGb: 50,
      description: 'RHEL 9.3 minimal',
    });
    expect(image.fields).toEqual(
      expect.arrayContaining([
        { label: 'Datacenter', value: 'DC0' },
        { label: 'Cluster', value: 'Prod' },
        { label: 'Host', value: 'esx-01.corp.example.com' },
        { label: 'Guest OS', value: 'Red Hat Enterprise Linux 9 (64-bit)' },
      ]),
    );
  });

  it('falls back to the name for a generic guest id and leaves out unknown values', () => {
    const image = mapTemplateVm(
      templateVm({
        name: 'photon-appliance-tmpl',
        guestId: 'other4xLinux64Guest',
        guestFullName: 'other4xLinux64Guest',
        createDate: null,
        storageBytes: null,
        cluster: null,
      }),
    );
    expect(image).toMatchObject({ osFamily: 'photon', createdAt: null, sizeGb: null });
    expect(image.fields.map((f) => f.label)).not.toContain('Cluster');
    expect(image.fields.map((f) => f.label)).not.toContain('Guest OS');
  });
});

describe('helpers', () => {
  it('refines a guest id version from the name, never contradicts it', () => {
    expect(refineOs({ family: 'rhel', version: '9' }, 'rhel-9.3-golden')).toEqual({
      family: 'rhel',
      version: '9.3',
    });
    expect(refineOs({ family: 'rhel', version: '9' }, 'rhel-8.9-golden')).toEqual({
      family: 'rhel',
      version: '9',
    });
    expect(refineOs({ family: 'windows', version: '2019' }, 'ubuntu-22.04')).toEqual({
      family: 'windows',
      version: '2019',
    });
    expect(refineOs({ family: 'sles', version: '15' }, 'sles-15-sp5')).toEqual({
      family: 'sles',
      version: '15-SP5',
    });
  });

  it('converts sizes and dates', () => {
    expect(bytesToGb(0)).toBeNull();
    expect(bytesToGb(undefined)).toBeNull();
    expect(bytesToGb(1024 ** 2)).toBe(0.1);
    expect(bytesToGb(1.25 * 1024 ** 3)).toBe(1.3);
    expect(isoDate('2026-11-23T19:17:08.871651906Z')).toBe('2026-11-23T19:17:08.871Z');
    expect(isoDate('not a date')).toBeNull();
  });
});
