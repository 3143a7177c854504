import { describe, expect, it } from 'vitest';
import type { Gallery, GalleryImage, GalleryImageVersion, Image } from '@azure/arm-compute';
import {
  managedImageFamily,
  mapGalleryImageVersion,
  mapManagedImage,
  normaliseLocation,
  parseResourceId,
} from '../../main/providers/azure/private-image-mapper';

const sub = '3d2e1f0a-9b8c-4d7e-a6f5-0e1d2c3b4a59';
const galleryId = `/subscriptions/${sub}/resourceGroups/rg-gallery/providers/Microsoft.Compute/galleries/golden`;
const gallery: Gallery = {
  id: galleryId,
  name: 'golden',
  location: 'westeurope',
  sharingProfile: { permissions: 'Private' },
};
const definition: GalleryImage = {
  id: `${galleryId}/images/rhel9-hardened`,
  name: 'rhel9-hardened',
  location: 'westeurope',
  osType: 'Linux',
  osState: 'Generalized',
  architecture: 'Arm64',
  identifier: { publisher: 'Contoso', offer: 'rhel-cis', sku: '9-lvm-gen2' },
  endOfLifeDate: new Date('2027-01-01T00:00:00Z'),
};

function version(endOfLifeDate?: Date): GalleryImageVersion {
  return {
    id: `${galleryId}/images/rhel9-hardened/versions/1.2.0`,
    name: '1.2.0',
    location: 'westeurope',
    provisioningState: 'Succeeded',
    publishingProfile: {
      targetRegions: [
        { name: 'West Europe', regionalReplicaCount: 2, storageAccountType: 'Standard_ZRS' },
        { name: 'East US', regionalReplicaCount: 1, excludeFromLatest: true },
      ],
      replicaCount: 1,
      excludeFromLatest: false,
      publishedDate: new Date('2025-05-01T10:00:00Z'),
      endOfLifeDate,
    },
    storageProfile: { osDiskImage: { sizeInGB: 64 } },
  };
}

const now = new Date('2025-06-01T00:00:00Z');

describe('Azure private image mappers', () => {
  it('maps a gallery version with its own end of life as scheduled, with replication in the fields', () => {
    const mapped = mapGalleryImageVersion({
      gallery,
      definition,
      version: version(new Date('2025-12-01T00:00:00Z')),
      now,
    });
    expect(mapped).toMatchObject({
      cloudId: `${galleryId}/images/rhel9-hardened/versions/1.2.0`,
      name: 'golden/rhel9-hardened/1.2.0',
      family: 'golden/rhel9-hardened',
      osFamily: 'rhel',
      osVersion: '9',
      architecture: 'arm64',
      createdAt: '2025-05-01T10:00:00.000Z',
      deprecatesAt: '2025-12-01T00:00:00.000Z',
      deprecationState: 'scheduled',
      visibility: 'private',
      public: false,
      sizeGb: 64,
      ownerId: sub,
    });
    const fields = Object.fromEntries(mapped.fields.map((f) => [f.label, f.value]));
    expect(fields['Target regions']).toBe('West Europe ×2 (Standard_ZRS); East US ×1, excluded from latest');
    expect(fields['Regional replica count']).toBe('West Europe: 2, East US: 1');
    expect(fields['Exclude from latest']).toBe('no');
  });

  it('falls back to the definition end of life, and marks a past one deprecated', () => {
    expect(mapGalleryImageVersion({ gallery, definition, version: version(), now }).deprecatesAt).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    const past = mapGalleryImageVersion({
      gallery,
      definition,
      version: version(new Date('2025-05-15T00:00:00Z')),
      now,
    });
    expect(past.deprecationState).toBe('deprecated');
    const none = mapGalleryImageVersion({
      gallery,
      definition: { ...definition, endOfLifeDate: undefined },
      version: version(),
      now,
    });
    expect(none).toMatchObject({ deprecatesAt: null, deprecationState: null });
  });

  it('maps community and shared galleries to their visibility', () => {
    const community = mapGalleryImageVersion({
      gallery: { ...gallery, sharingProfile: { permissions: 'Community' } },
      definition,
      version: version(),
      now,
    });
    expect(community.visibility).toBe('community');
  });

  it('maps a managed image by its resource id', () => {
    const image: Image = {
      id: `/subscriptions/${sub}/resourceGroups/rg-images-prod/providers/Microsoft.Compute/images/win2022-iis-20240611`,
      name: 'win2022-iis-20240611',
      location: 'eastus',
      tags: { team: 'web' },
      systemData: { createdAt: new Date('2024-06-11T08:00:00Z') },
      storageProfile: {
        osDisk: {
          osType: 'Windows',
          osState: 'Generalized',
          diskSizeGB: 127,
          storageAccountType: 'Premium_LRS',
        },
      },
      provisioningState: 'Succeeded',
      hyperVGeneration: 'V2',
    };
    expect(mapManagedImage(image)).toMatchObject({
      cloudId: image.id,
      name: 'win2022-iis-20240611',
      family: 'win2022-iis',
      osFamily: 'windows',
      osVersion: '2022',
      osRaw: 'Windows (Generalized)',
      architecture: 'x86_64',
      createdAt: '2024-06-11T08:00:00.000Z',
      visibility: 'private',
      sizeGb: 127,
      tags: { team: 'web' },
      state: 'Succeeded',
    });
  });

  it('parses ids, families and location names', () => {
    expect(parseResourceId(galleryId)).toEqual({ subscriptionId: sub, resourceGroup: 'rg-gallery' });
    expect(managedImageFamily('rhel9-base-v3')).toBe('rhel9-base');
    expect(managedImageFamily('ubuntu-2204-web-20240611')).toBe('ubuntu-2204-web');
    expect(normaliseLocation('West Europe')).toBe('westeurope');
  });
});
