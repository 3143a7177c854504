import type { StoredImage } from '../../main/catalog/stored-image';

/** A complete StoredImage for tests; override what the test is about. */
export function storedImage(overrides: Partial<StoredImage> = {}): StoredImage {
  return {
    cloudId: 'ami-00000000000000001',
    name: 'image',
    description: '',
    ownerId: '123456789012',
    ownerAlias: null,
    osFamily: 'ubuntu',
    osVersion: '24.04',
    osRaw: 'Linux/UNIX',
    architecture: 'x86_64',
    createdAt: '2025-01-01T00:00:00.000Z',
    deprecatesAt: null,
    deprecationState: null,
    replacement: null,
    state: 'available',
    public: true,
    visibility: 'public',
    family: null,
    sizeGb: 8,
    tags: {},
    fields: [],
    raw: {},
    ...overrides,
  };
}
