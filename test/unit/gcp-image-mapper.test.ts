import { describe, expect, it } from 'vitest';
import {
  compactRaw,
  deprecationOf,
  mapGcpImage,
  toImageUri,
} from '../../main/providers/gcp/gcp-image-mapper';
import { inferGcpOs } from '../../main/providers/gcp/gcp-os';

const NOW = new Date('2026-11-23T12:00:00Z');
const LINK = 'https://www.googleapis.com/compute/v1/projects';

/** A decoded image as the client hands it over: int64 as strings, `_field` markers, empty defaults. */
const decoded = (overrides: Record<string, unknown> = {}) => ({
  id: '3045959376729879095',
  _id: 'id',
  kind: 'compute#image',
  name: 'debian-12-bookworm-v20240815',
  _name: 'name',
  description: 'Debian, Debian GNU/Linux, 12 (bookworm), amd64 built on 20240815',
  creationTimestamp: '2024-08-15T10:23:45.123-07:00',
  family: 'debian-12',
  status: 'READY',
  architecture: 'X86_64',
  diskSizeGb: '10',
  archiveSizeBytes: '1320599168',
  selfLink: `${LINK}/debian-cloud/global/images/debian-12-bookworm-v20240815`,
  licenses: [`${LINK}/debian-cloud/global/licenses/debian-12-bookworm`],
  licenseCodes: ['5543610867827062957'],
  storageLocations: ['asia', 'eu', 'us'],
  guestOsFeatures: [
    { type: 'UEFI_COMPATIBLE', _type: 'type' },
    { type: 'GVNIC', _type: 'type' },
  ],
  labels: {},
  sourceDisk: '',
  ...overrides,
});

describe('mapGcpImage', () => {
  it('maps a public image to the common model, with the URI form as its id', () => {
    const image = mapGcpImage(decoded(), { project: 'debian-cloud', visibility: 'public' }, NOW);
    expect(image).toMatchObject({
      cloudId: 'projects/debian-cloud/global/images/debian-12-bookworm-v20240815',
      name: 'debian-12-bookworm-v20240815',
      ownerId: 'debian-cloud',
      ownerAlias: 'Debian',
      osFamily: 'debian',
      osVersion: '12',
      osRaw: 'debian-12-bookworm',
      architecture: 'x86_64',
      createdAt: '2024-08-15T17:23:45.123Z',
      deprecatesAt: null,
      deprecationState: null,
      replacement: null,
      state: 'ready',
      public: true,
      visibility: 'public',
      family: 'debian-12',
      sizeGb: 10,
      tags: {},
    });
    expect(image.fields).toContainEqual({ label: 'Archive size', value: '1.23 GiB' });
    expect(image.fields).toContainEqual({ label: 'Guest OS features', value: 'UEFI_COMPATIBLE, GVNIC' });
    expect(image.fields.find((f) => f.label === 'Source disk')).toBeUndefined();
  });

  it('keeps the raw object without the client’s markers and empty defaults', () => {
    const raw = mapGcpImage(decoded(), { project: 'debian-cloud', visibility: 'public' }, NOW).raw as Record<
      string,
      unknown
    >;
    expect(raw).not.toHaveProperty('_id');
    expect(raw).not.toHaveProperty('labels');
    expect(raw).not.toHaveProperty('sourceDisk');
    expect(raw.guestOsFeatures).toEqual([{ type: 'UEFI_COMPATIBLE' }, { type: 'GVNIC' }]);
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
    expect(compactRaw({ a: { b: [], c: null }, d: 0, e: false })).toEqual({ d: 0, e: false });
  });

  it('maps the own project as private, labels as tags, arm64, and odd states', () => {
    const image = mapGcpImage(
      decoded({
        name: 'ci-runner-20261122-193ce6',
        selfLink: `${LINK}/acme-prod-42/global/images/ci-runner-20261122-193ce6`,
        family: 'ci-runner',
        status: 'PENDING',
        architecture: 'ARM64',
        labels: { team: 'devex' },
        licenses: [`${LINK}/ubuntu-os-cloud/global/licenses/ubuntu-2404-lts`],
      }),
      { project: 'acme-prod-42', visibility: 'private' },
      NOW,
    );
    expect(image).toMatchObject({
      cloudId: 'projects/acme-prod-42/global/images/ci-runner-20261122-193ce6',
      ownerAlias: null,
      visibility: 'private',
      public: false,
      architecture: 'arm64',
      state: 'pending',
      tags: { team: 'devex' },
      osFamily: 'ubuntu',
      osVersion: '24.04',
    });
    expect(
      mapGcpImage(
        decoded({ architecture: 'ARCHITECTURE_UNSPECIFIED', diskSizeGb: '0' }),
        { project: 'x', visibility: 'public' },
        NOW,
      ),
    ).toMatchObject({
      architecture: 'unknown',
      sizeGb: null,
    });
  });
});

describe('deprecationOf', () => {
  const replacement = `${LINK}/debian-cloud/global/images/debian-12-bookworm-v20261112`;

  it('maps each state, and the replacement to the URI form', () => {
    expect(deprecationOf({ state: 'DEPRECATED', replacement }, NOW)).toEqual({
      deprecationState: 'deprecated',
      deprecatesAt: null,
      replacement: 'projects/debian-cloud/global/images/debian-12-bookworm-v20261112',
    });
    expect(deprecationOf({ state: 'OBSOLETE' }, NOW).deprecationState).toBe('obsolete');
    expect(deprecationOf({ state: 'DELETED' }, NOW).deprecationState).toBe('deleted');
    expect(deprecationOf({ state: 'ACTIVE' }, NOW).deprecationState).toBe('active');
    expect(deprecationOf(null, NOW)).toEqual({
      deprecationState: null,
      deprecatesAt: null,
      replacement: null,
    });
  });

  it('takes the earliest of the dates, and reads an announced future date as scheduled', () => {
    expect(
      deprecationOf(
        {
          state: 'OBSOLETE',
          deprecated: '2025-03-01T09:00:00.000-08:00',
          obsolete: '2025-09-01T09:00:00.000-07:00',
          deleted: '2026-09-01T09:00:00.000-07:00',
        },
        NOW,
      ).deprecatesAt,
    ).toBe('2025-03-01T17:00:00.000Z');
    expect(
      deprecationOf({ state: 'ACTIVE', deprecated: '2032-05-31T00:00:00.000-07:00' }, NOW),
    ).toMatchObject({
      deprecationState: 'scheduled',
      deprecatesAt: '2032-05-31T07:00:00.000Z',
    });
    expect(deprecationOf({ state: 'ACTIVE', obsolete: '2020-01-01T00:00:00Z' }, NOW).deprecationState).toBe(
      'active',
    );
  });

  it('reads URIs in every form Compute uses', () => {
    expect(toImageUri(`${LINK}/cos-cloud/global/images/cos-113-18244-151-14`)).toBe(
      'projects/cos-cloud/global/images/cos-113-18244-151-14',
    );
    expect(toImageUri('projects/cos-cloud/global/images/cos-stable')).toBe(
      'projects/cos-cloud/global/images/cos-stable',
    );
    expect(toImageUri('')).toBeNull();
  });
});

describe('inferGcpOs', () => {
  const cases: [Parameters<typeof inferGcpOs>[0], string, string | null][] = [
    [{ family: 'debian-12', name: 'debian-12-bookworm-v20240815' }, 'debian', '12'],
    [{ family: 'debian-13-arm64', name: 'debian-13-trixie-arm64-v20251001' }, 'debian', '13'],
    [{ family: 'ubuntu-2404-lts-amd64', name: 'ubuntu-2404-noble-amd64-v20240801' }, 'ubuntu', '24.04'],
    [{ family: 'ubuntu-minimal-2204-lts', name: 'ubuntu-minimal-2204-jammy-v20240801' }, 'ubuntu', '22.04'],
    [{ family: 'ubuntu-pro-2004-lts' }, 'ubuntu', '20.04'],
    [{ family: 'rhel-9', name: 'rhel-9-v20240815' }, 'rhel', '9'],
    [{ family: 'rhel-9-4-sap-ha', name: 'rhel-9-4-sap-v20240815' }, 'rhel', '9.4'],
    [{ family: 'rocky-linux-9-optimized-gcp' }, 'rocky', '9'],
    [{ family: 'almalinux-9' }, 'almalinux', '9'],
    [{ family: 'centos-stream-9' }, 'centos', '9'],
    [{ family: 'windows-2022', name: 'windows-server-2022-dc-v20240814' }, 'windows', '2022'],
    [{ family: 'windows-2019-core' }, 'windows', '2019'],
    [{ name: 'windows-server-2012-r2-dc-v20230913' }, 'windows', '2012 R2'],
    [{ family: 'sql-2022-web-win-2022' }, 'windows', '2022'],
    [{ family: 'cos-stable', name: 'cos-stable-117-18613-75-37', licenses: ['cos-cloud/cos'] }, 'cos', '117'],
    [{ family: 'cos-113-lts', name: 'cos-113-18244-151-14' }, 'cos', '113'],
    [{ family: 'cos-arm64-121-lts', name: 'cos-arm64-121-18867-90-4' }, 'cos', '121'],
    [{ family: 'fedora-coreos-stable', name: 'fedora-coreos-40-20240808-3-0-gcp-x86-64' }, 'coreos', '40'],
    [{ family: 'fedora-cloud-40' }, 'fedora', '40'],
    [{ name: 'fedora-cloud-base-gcp-41-1-4-x86-64' }, 'fedora', '41'],
    [{ family: 'sles-15-sp5' }, 'sles', '15-SP5'],
    [{ family: 'opensuse-leap-15-6' }, 'opensuse', '15.6'],
    [{ family: 'freebsd-14-0' }, 'freebsd', '14.0'],
    // A team's own image: the license tells the truth whatever the name says.
    [
      {
        family: 'web-frontend',
        name: 'web-frontend-20261010',
        licenses: ['https://x/projects/debian-cloud/global/licenses/debian-11-bullseye'],
      },
      'debian',
      '11',
    ],
    [{ family: 'legacy-crm', licenses: ['centos-cloud/centos-7'] }, 'centos', '7'],
    [{ name: 'legacy-billing-import-2024' }, 'unknown', null],
  ];
  for (const [evidence, family, version] of cases) {
    it(`${JSON.stringify(evidence).slice(0, 80)} → ${family} ${version ?? ''}`, () => {
      expect(inferGcpOs(evidence)).toMatchObject({ family, version });
    });
  }

  it('keeps the raw words it read', () => {
    expect(inferGcpOs({ family: 'debian-12', licenses: ['debian-cloud/debian-12-bookworm'] }).raw).toBe(
      'debian-12-bookworm',
    );
    expect(inferGcpOs({ family: 'web' }).raw).toBe('web');
  });
});
