import { describe, expect, it } from 'vitest';
import { imageIdentity, sameImageElsewhere } from '../../../main/services/registry/image-identity';

const mapping = {
  cloud: 'aws' as const,
  location: 'us-east-1',
  cloudImageId: 'ami-0123456789abcdef0',
  imageName: 'golden-web-20261101',
  ownerId: '210987654321',
};

describe('one image, one record', () => {
  it('treats Azure names case-insensitively and other clouds exactly', () => {
    const urn = 'Canonical:ubuntu-24_04-lts:server:24.04.202411010';
    expect(imageIdentity({ cloud: 'azure', location: 'westeurope', cloudImageId: urn })).toBe(
      imageIdentity({ cloud: 'azure', location: 'WestEurope', cloudImageId: urn.toLowerCase() }),
    );
    expect(imageIdentity({ cloud: 'aws', location: 'us-east-1', cloudImageId: 'ami-0abc' })).not.toBe(
      imageIdentity({ cloud: 'aws', location: 'us-east-1', cloudImageId: 'ami-0ABC' }),
    );
  });

  it('knows the same build in another region by name and owner, and an Azure URN by itself', () => {
    const copy = { cloud: 'aws' as const, location: 'eu-west-1', cloudImageId: 'ami-0fedcba9876543210' };
    expect(sameImageElsewhere(mapping, copy, { name: mapping.imageName, ownerId: mapping.ownerId })).toBe(
      true,
    );
    expect(sameImageElsewhere(mapping, copy, { name: mapping.imageName, ownerId: '099720109477' })).toBe(
      false,
    );
    expect(
      sameImageElsewhere(
        mapping,
        { ...copy, location: 'us-east-1' },
        { name: mapping.imageName, ownerId: mapping.ownerId },
      ),
    ).toBe(false);
    const azure = {
      ...mapping,
      cloud: 'azure' as const,
      location: 'westeurope',
      cloudImageId: 'Canonical:o:s:1.0.0',
      imageName: 'x',
    };
    expect(
      sameImageElsewhere(
        azure,
        { cloud: 'azure', location: 'eastus', cloudImageId: 'canonical:o:s:1.0.0' },
        { name: 'y', ownerId: '' },
      ),
    ).toBe(true);
  });
});
