import { describe, expect, it } from 'vitest';
import type { VirtualMachineImage } from '@azure/arm-compute';
import {
  mapMarketplaceVersion,
  publishedFromVersion,
  urnOf,
} from '../../main/providers/azure/marketplace-mapper';

const where = {
  location: 'westeurope',
  publisher: 'Canonical',
  offer: '0001-com-ubuntu-server-focal',
  sku: '20_04-lts-gen2',
  version: '20.04.202409120',
};

function image(overrides: Partial<VirtualMachineImage> = {}): VirtualMachineImage {
  return {
    name: where.version,
    location: 'westeurope',
    id: '/Subscriptions/s/Providers/Microsoft.Compute/Locations/westeurope/Publishers/Canonical/ArtifactTypes/VMImage/Offers/0001-com-ubuntu-server-focal/Skus/20_04-lts-gen2/Versions/20.04.202409120',
    osDiskImage: { operatingSystem: 'Linux' },
    hyperVGeneration: 'V2',
    architecture: 'x64',
    imageDeprecationStatus: { imageState: 'Active' },
    ...overrides,
  };
}

describe('Azure Marketplace mapper', () => {
  it('keys an image by its URN and groups it by offer:sku', () => {
    const mapped = mapMarketplaceVersion(where, image());
    expect(urnOf(where)).toBe('Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2:20.04.202409120');
    expect(mapped).toMatchObject({
      cloudId: 'Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2:20.04.202409120',
      name: 'Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2:20.04.202409120',
      family: '0001-com-ubuntu-server-focal:20_04-lts-gen2',
      ownerId: 'Canonical',
      osFamily: 'ubuntu',
      osVersion: '20.04',
      osRaw: 'Linux',
      architecture: 'x86_64',
      visibility: 'public',
      public: true,
      deprecationState: 'active',
      deprecatesAt: null,
      replacement: null,
      createdAt: '2024-09-12T00:00:00.000Z',
    });
  });

  it('maps a scheduled deprecation with an alternative offer', () => {
    const mapped = mapMarketplaceVersion(
      where,
      image({
        imageDeprecationStatus: {
          imageState: 'ScheduledForDeprecation',
          scheduledDeprecationTime: new Date('2026-03-01T00:00:00Z'),
          alternativeOption: { type: 'Offer', value: 'ubuntu-24_04-lts' },
        },
      }),
    );
    expect(mapped.deprecationState).toBe('scheduled');
    expect(mapped.deprecatesAt).toBe('2026-03-01T00:00:00.000Z');
    expect(mapped.replacement).toBe('Canonical:ubuntu-24_04-lts');
    expect(mapped.state).toBe('available');
    expect(mapped.fields).toContainEqual({ label: 'Alternative', value: 'Offer ubuntu-24_04-lts' });
  });

  it('maps a deprecated version whose alternative is a plan (a SKU of the same offer)', () => {
    const rhel = {
      location: 'eastus',
      publisher: 'RedHat',
      offer: 'RHEL',
      sku: '7-lvm',
      version: '7.9.2023061310',
    };
    const mapped = mapMarketplaceVersion(
      rhel,
      image({
        imageDeprecationStatus: {
          imageState: 'Deprecated',
          scheduledDeprecationTime: new Date('2024-07-01T00:00:00Z'),
          alternativeOption: { type: 'Plan', value: '8-lvm-gen2' },
        },
      }),
    );
    expect(mapped).toMatchObject({
      deprecationState: 'deprecated',
      state: 'deprecated',
      replacement: 'RedHat:RHEL:8-lvm-gen2',
      osFamily: 'rhel',
      osVersion: '7',
    });
  });

  it('takes the disk size and raw body from the wire, since the SDK model drops sizeInGb', () => {
    const wire = { properties: { osDiskImage: { operatingSystem: 'Windows', sizeInGb: 127 } }, name: 'x' };
    const win = {
      location: 'westeurope',
      publisher: 'MicrosoftWindowsServer',
      offer: 'WindowsServer',
      sku: '2022-datacenter-g2',
      version: '20348.2340.240303',
    };
    const mapped = mapMarketplaceVersion(
      win,
      image({ osDiskImage: { operatingSystem: 'Windows' }, architecture: 'Arm64' }),
      wire,
    );
    expect(mapped).toMatchObject({
      sizeGb: 127,
      raw: wire,
      osFamily: 'windows',
      osVersion: '2022',
      architecture: 'arm64',
      createdAt: '2024-03-03T00:00:00.000Z',
    });
    expect(mapMarketplaceVersion(win, image()).sizeGb).toBeNull();
  });

  it.each([
    ['22.04.202403280', '2024-03-28T00:00:00.000Z'],
    ['9.4.2024062415', '2024-06-24T00:00:00.000Z'],
    ['0.20240717.1811', '2024-07-17T00:00:00.000Z'],
    ['2024.06.20', '2024-06-20T00:00:00.000Z'],
    ['20348.2340.240303', '2024-03-03T00:00:00.000Z'],
    ['1.0.0', null],
    ['latest', null],
    ['22.04.209913990', null],
  ])('reads the build date in version %s', (version, expected) => {
    expect(publishedFromVersion(version)).toBe(expected);
  });
});
