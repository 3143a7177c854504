import { describe, expect, it } from 'vitest';
import {
  buildDescribeImagesInput,
  catalogSyncInput,
  UnscopedImageQueryError,
} from '../../main/providers/aws/owner-scope';

describe('owner scoping of DescribeImages', () => {
  it('refuses a name search without owners or ids (whoAMI)', () => {
    expect(() => buildDescribeImagesInput({ namePatterns: ['ubuntu/images/*'] })).toThrow(
      UnscopedImageQueryError,
    );
    expect(() => buildDescribeImagesInput({ namePatterns: ['ubuntu/images/*'] })).toThrow(
      /name search.*without an owner.*whoAMI/,
    );
  });

  it('refuses an unscoped listing too', () => {
    expect(() => buildDescribeImagesInput({})).toThrow(/image listing without an owner/);
    expect(() => buildDescribeImagesInput({ owners: [], imageIds: [] })).toThrow(UnscopedImageQueryError);
  });

  it('refuses owners and ids that are not what EC2 means by them', () => {
    expect(() => buildDescribeImagesInput({ owners: ['canonical'] })).toThrow(
      /"canonical" is not an image owner/,
    );
    expect(() => buildDescribeImagesInput({ owners: ['12345'] })).toThrow(UnscopedImageQueryError);
    expect(() => buildDescribeImagesInput({ imageIds: ['ami-XYZ'] })).toThrow(/not an AMI id/);
  });

  it('builds a scoped name and architecture search', () => {
    expect(
      buildDescribeImagesInput({
        owners: ['099720109477'],
        namePatterns: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-*'],
        architectures: ['arm64'],
      }),
    ).toEqual({
      Owners: ['099720109477'],
      IncludeDeprecated: false,
      Filters: [
        { Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-*'] },
        { Name: 'architecture', Values: ['arm64'] },
      ],
    });
  });

  it('accepts exact image ids as the scope', () => {
    expect(buildDescribeImagesInput({ imageIds: ['ami-0123456789abcdef0', 'ami-12345678'] })).toEqual({
      ImageIds: ['ami-0123456789abcdef0', 'ami-12345678'],
      IncludeDeprecated: false,
    });
  });

  it('syncs one owner with deprecated images included', () => {
    for (const owner of ['self', 'amazon', 'aws-marketplace', '801119661308']) {
      expect(catalogSyncInput({ location: 'us-east-1', owner })).toEqual({
        Owners: [owner],
        IncludeDeprecated: true,
      });
    }
    expect(() => catalogSyncInput({ location: 'us-east-1', owner: '' })).toThrow(UnscopedImageQueryError);
  });
});
