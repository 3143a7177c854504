import { describe, expect, it } from 'vitest';
import type { GlanceImage } from '../../main/providers/openstack/glance-image';
import { userProperties } from '../../main/providers/openstack/glance-image';
import { diskSizeGb, glanceFamily, mapGlanceImage } from '../../main/providers/openstack/image-mapper';

/** An image as Debian's glance-api 25 answered GET /v2/images/{id} (plus operator properties). */
const glanceImage = (overrides: Partial<GlanceImage> = {}): GlanceImage => ({
  name: 'ubuntu-22.04-server-cloudimg-amd64-20240301',
  disk_format: 'qcow2',
  container_format: 'bare',
  visibility: 'public',
  size: 663_552_000,
  virtual_size: 2_361_393_152,
  status: 'active',
  checksum: 'e440aff7e5952c3f73ef317defdc3877',
  protected: true,
  min_ram: 512,
  min_disk: 0,
  owner: '6da92d7252584f4fa10dd5e486a97e62',
  os_hidden: false,
  os_hash_algo: 'sha512',
  os_hash_value: '9d0e2b334c1d73c3d91274b68188efab'.repeat(4),
  id: 'd8c81543-a57e-41a9-8ac1-5a6001e655a4',
  created_at: '2024-03-02T09:12:44Z',
  updated_at: '2024-03-02T09:14:01Z',
  tags: ['official', 'lts'],
  self: '/v2/images/d8c81543-a57e-41a9-8ac1-5a6001e655a4',
  file: '/v2/images/d8c81543-a57e-41a9-8ac1-5a6001e655a4/file',
  schema: '/v2/schemas/image',
  os_distro: 'Ubuntu',
  os_version: '22.04',
  architecture: 'x86_64',
  hw_disk_bus: 'virtio',
  ...overrides,
});

const now = new Date('2025-01-01T00:00:00Z');

describe('Glance image mapper', () => {
  it('maps every common field from a Glance v2 image', () => {
    const image = mapGlanceImage(glanceImage(), { projectId: 'other', now });
    expect(image).toMatchObject({
      cloudId: 'd8c81543-a57e-41a9-8ac1-5a6001e655a4',
      name: 'ubuntu-22.04-server-cloudimg-amd64-20240301',
      description: '',
      ownerId: '6da92d7252584f4fa10dd5e486a97e62',
      ownerAlias: null,
      osFamily: 'ubuntu',
      osVersion: '22.04',
      osRaw: 'Ubuntu',
      architecture: 'x86_64',
      createdAt: '2024-03-02T09:12:44.000Z',
      deprecatesAt: null,
      deprecationState: 'active',
      replacement: null,
      state: 'active',
      public: true,
      visibility: 'public',
      family: 'ubuntu-22.04-server-cloudimg-amd64',
      sizeGb: 3,
    });
  });

  it('keeps every user-defined property, and Glance tags as labels, in tags and fields', () => {
    const image = mapGlanceImage(glanceImage({ hw_qemu_guest_agent: 'yes', official: 'by-ops' }), { now });
    expect(image.tags).toEqual({
      architecture: 'x86_64',
      hw_disk_bus: 'virtio',
      hw_qemu_guest_agent: 'yes',
      official: 'by-ops',
      os_distro: 'Ubuntu',
      os_version: '22.04',
      lts: '',
    });
    const labels = image.fields.map((row) => row.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Property hw_disk_bus',
        'Property os_distro',
        'Protected',
        'Checksum (MD5)',
        'Hash',
      ]),
    );
    expect(labels.indexOf('Image ID')).toBe(0);
    expect(image.fields.find((row) => row.label === 'Size')?.value).toBe('632.8 MiB (663552000 bytes)');
    expect(image.fields.find((row) => row.label === 'Minimum RAM')?.value).toBe('512 MiB');
    expect(image.fields.find((row) => row.label === 'Minimum disk')).toBeUndefined();
    expect(image.fields.find((row) => row.label === 'Hash')?.value).toMatch(/^sha512: [0-9a-f]{128}$/);
  });

  it('never treats Glance fields as user properties', () => {
    expect(userProperties(glanceImage()).map(([key]) => key)).toEqual([
      'architecture',
      'hw_disk_bus',
      'os_distro',
      'os_version',
    ]);
  });

  it('os_hidden means deprecated; a hangar_deprecates_at property gives the date', () => {
    expect(mapGlanceImage(glanceImage({ os_hidden: true }), { now })).toMatchObject({
      deprecationState: 'deprecated',
      deprecatesAt: null,
    });
    expect(mapGlanceImage(glanceImage({ hangar_deprecates_at: '2024-06-30' }), { now })).toMatchObject({
      deprecationState: 'deprecated',
      deprecatesAt: '2024-06-30T00:00:00.000Z',
    });
    expect(
      mapGlanceImage(glanceImage({ hangar_deprecates_at: '2027-04-01T00:00:00Z' }), { now }),
    ).toMatchObject({
      deprecationState: 'scheduled',
      deprecatesAt: '2027-04-01T00:00:00.000Z',
    });
    expect(mapGlanceImage(glanceImage({ hangar_deprecates_at: 'soon' }), { now })).toMatchObject({
      deprecationState: 'active',
      deprecatesAt: null,
    });
    const { os_hidden: _hidden, ...old } = glanceImage();
    expect(mapGlanceImage(old as GlanceImage, { now }).deprecationState).toBeNull();
  });

  it("names the owner when it is the token's own project", () => {
    const image = mapGlanceImage(glanceImage({ visibility: 'private' }), {
      projectId: '6da92d7252584f4fa10dd5e486a97e62',
      projectName: 'demo',
      now,
    });
    expect(image).toMatchObject({ ownerAlias: 'demo', public: false, visibility: 'private' });
    expect(image.fields.find((row) => row.label === 'Owner project')?.value).toBe(
      '6da92d7252584f4fa10dd5e486a97e62 (demo)',
    );
  });

  it('copes with a bare queued image: no name, no bytes, no os_distro', () => {
    const image = mapGlanceImage(
      {
        id: '0b7e6a52-1e9d-4d6a-9c55-0c4c6b1b7f10',
        name: null,
        status: 'queued',
        visibility: 'shared',
        protected: false,
        tags: [],
        size: null,
        virtual_size: null,
        checksum: null,
        owner: null,
      },
      { now },
    );
    expect(image).toMatchObject({
      name: '0b7e6a52-1e9d-4d6a-9c55-0c4c6b1b7f10',
      osFamily: 'unknown',
      osVersion: null,
      osRaw: null,
      ownerId: '',
      architecture: 'unknown',
      createdAt: null,
      sizeGb: null,
      family: null,
      state: 'queued',
      visibility: 'shared',
    });
    expect(image.fields.map((row) => row.label)).not.toContain('Size');
  });

  it('falls back to the name when os_distro is missing, keeping osRaw null', () => {
    const image = mapGlanceImage(
      glanceImage({
        os_distro: undefined,
        os_version: undefined,
        name: 'Rocky-9-GenericCloud-Base-9.4-20240609.1.x86_64',
      }),
      { now },
    );
    expect(image).toMatchObject({ osFamily: 'rocky', osVersion: '9', osRaw: null });
  });

  it('keeps the raw object JSON-safe and separate from the input', () => {
    const input = glanceImage({ nested: { a: 1 } as unknown as string });
    const image = mapGlanceImage(input, { now });
    expect(image.raw).toEqual(input);
    expect(image.raw).not.toBe(input);
    expect(image.tags.nested).toBe('{"a":1}');
  });
});

describe('disk size and family', () => {
  it('uses the virtual size in whole GiB, never below min_disk', () => {
    expect(diskSizeGb(glanceImage({ virtual_size: 10 * 1024 ** 3, min_disk: 0 }))).toBe(10);
    expect(diskSizeGb(glanceImage({ virtual_size: 10 * 1024 ** 3 + 1 }))).toBe(11);
    expect(diskSizeGb(glanceImage({ virtual_size: null, size: 700 * 1024 ** 2 }))).toBe(1);
    expect(diskSizeGb(glanceImage({ virtual_size: 2 * 1024 ** 3, min_disk: 40 }))).toBe(40);
    expect(diskSizeGb(glanceImage({ virtual_size: null, size: null, min_disk: 0 }))).toBeNull();
  });

  it.each([
    ['ubuntu-22.04-server-cloudimg-amd64-20240301', 'ubuntu-22.04-server-cloudimg-amd64'],
    ['debian-12-genericcloud-amd64-20240717-1811', 'debian-12-genericcloud-amd64'],
    ['Arch-Linux-x86_64-cloudimg-20240915.263127', 'Arch-Linux-x86_64-cloudimg'],
    ['web-01-snapshot-2024-05-01', 'web-01-snapshot'],
    ['Windows Server 2022 Standard (2024-09)', 'Windows Server 2022 Standard (2024-09)'],
    ['CentOS-Stream-GenericCloud-9-20240805.0.x86_64', 'CentOS-Stream-GenericCloud-9.x86_64'],
    ['cirros-0.6.2-x86_64-disk', 'cirros-0.6.2-x86_64-disk'],
  ])('%s → %s', (name, family) => {
    expect(glanceFamily(name)).toBe(family);
  });
});
