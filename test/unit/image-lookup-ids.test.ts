import { describe, expect, it } from 'vitest';
import { isAmiNotFound } from '../../main/providers/aws/aws-get-image';
import {
  compareImageVersions,
  isImageNotFound,
  parseAzureImageId,
} from '../../main/providers/azure/azure-get-image';
import { parseGcpImageId } from '../../main/providers/gcp/gcp-get-image';

describe('GCP image ids', () => {
  it('reads the URI, Scalr and selfLink forms, and nothing else', () => {
    const ref = { project: 'debian-cloud', name: 'debian-12-bookworm-v20240815' };
    expect(parseGcpImageId('projects/debian-cloud/global/images/debian-12-bookworm-v20240815')).toEqual(ref);
    expect(parseGcpImageId('debian-cloud/global/images/debian-12-bookworm-v20240815')).toEqual(ref);
    expect(
      parseGcpImageId(
        'https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12-bookworm-v20240815',
      ),
    ).toEqual(ref);
    for (const bad of [
      'debian-12',
      'projects/debian-cloud/global/images/family/debian-12',
      'projects/Debian-Cloud/global/images/x',
      'projects/debian-cloud/global/images/Debian-12',
      'projects/debian-cloud/zones/us-central1-a/images/x',
      ' projects/debian-cloud/global/images/x',
    ]) {
      expect(parseGcpImageId(bad), bad).toBeNull();
    }
  });
});

describe('Azure image ids', () => {
  it('reads Marketplace URNs, managed image ids and gallery version ids', () => {
    expect(parseAzureImageId('Canonical:ubuntu-24_04-lts:server:latest')).toEqual({
      kind: 'marketplace',
      publisher: 'Canonical',
      offer: 'ubuntu-24_04-lts',
      sku: 'server',
      version: 'latest',
    });
    expect(
      parseAzureImageId('/subscriptions/s1/resourcegroups/rg-a/providers/microsoft.compute/images/web-1'),
    ).toEqual({ kind: 'managed', subscriptionId: 's1', resourceGroup: 'rg-a', name: 'web-1' });
    expect(
      parseAzureImageId(
        '/subscriptions/s1/resourceGroups/rg-g/providers/Microsoft.Compute/galleries/gal/images/def/versions/1.2.3',
      ),
    ).toEqual({
      kind: 'gallery-version',
      subscriptionId: 's1',
      resourceGroup: 'rg-g',
      gallery: 'gal',
      definition: 'def',
      version: '1.2.3',
    });
    for (const bad of [
      'Canonical:ubuntu:server',
      'Canonical:ubuntu:server:1:2',
      'ubuntu-latest',
      '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/disks/d',
      '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d',
    ]) {
      expect(parseAzureImageId(bad), bad).toBeNull();
    }
  });

  it('orders versions by number, as Azure picks latest', () => {
    const versions = ['20348.887.220806', '20348.2340.240303', '20348.1006.220908'];
    expect([...versions].sort(compareImageVersions).at(-1)).toBe('20348.2340.240303');
    expect(compareImageVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareImageVersions('22.04.202403280', '22.04.202403280')).toBe(0);
  });

  it('treats only not-found 404s as "no such image"', () => {
    const status404 = (code?: string) => Object.assign(new Error('x'), { statusCode: 404, code });
    expect(isImageNotFound(status404('ResourceNotFound'), undefined)).toBe(true);
    expect(isImageNotFound(status404(), 'ParentResourceNotFound')).toBe(true);
    expect(isImageNotFound(status404('NotFound'), undefined)).toBe(true);
    expect(isImageNotFound(status404('SubscriptionNotFound'), undefined)).toBe(false);
    expect(isImageNotFound(status404('NoRegisteredProviderFound'), undefined)).toBe(false);
    expect(isImageNotFound(status404(), undefined)).toBe(false);
    expect(isImageNotFound({ statusCode: 400, code: 'NotFound' }, undefined)).toBe(false);
  });
});

describe('AWS not-found answers', () => {
  it('knows EC2 not-found and malformed codes only', () => {
    expect(isAmiNotFound({ name: 'InvalidAMIID.NotFound' })).toBe(true);
    expect(isAmiNotFound({ name: 'Error', Code: 'InvalidAMIID.Malformed' })).toBe(true);
    expect(isAmiNotFound({ name: 'AuthFailure' })).toBe(false);
    expect(isAmiNotFound(undefined)).toBe(false);
  });
});
