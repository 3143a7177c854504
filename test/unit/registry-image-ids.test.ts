import { describe, expect, it } from 'vitest';
import {
  azureImageKind,
  cloudImageIdHint,
  validateCloudImageId,
  type CloudImageIdResult,
  type ImageIdCloud,
} from '../../preload/contract/registry/image-ids';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';

function idOf(result: CloudImageIdResult): string {
  if (!result.ok) throw new Error(`expected a valid id, got: ${result.message}`);
  return result.id;
}

function messageOf(result: CloudImageIdResult): string {
  if (result.ok) throw new Error(`expected a refusal, got the id ${result.id}`);
  return result.message;
}

describe('AWS AMI ids', () => {
  it.each([
    ['ami-12345678', 'ami-12345678'],
    ['ami-0abc1234def567890', 'ami-0abc1234def567890'],
    ['  ami-0abc1234def567890\n', 'ami-0abc1234def567890'],
    ['AMI-0ABC1234DEF567890', 'ami-0abc1234def567890'],
    ['Ami-DeadBeef', 'ami-deadbeef'],
  ])('accepts %j as %s', (input, id) => {
    expect(idOf(validateCloudImageId('aws', input))).toBe(id);
  });

  it('refuses 16 hex digits, saying how many there are', () => {
    const message = messageOf(validateCloudImageId('aws', 'ami-0abc1234def56789'));
    expect(message).toContain('8 or 17 hex digits');
    expect(message).toContain('has 16');
  });

  it('refuses 9 hex digits', () => {
    expect(messageOf(validateCloudImageId('aws', 'ami-123456789'))).toContain('has 9');
  });

  it('refuses ami- alone, asking for the digits', () => {
    expect(messageOf(validateCloudImageId('aws', 'ami-'))).toMatch(/^Add the 8 or 17 hex digits after ami-/);
  });

  it('tells a missing prefix apart from a wrong length or a bad character', () => {
    const prefix = messageOf(validateCloudImageId('aws', '0abc1234def567890'));
    const length = messageOf(validateCloudImageId('aws', 'ami-0abc1234'.slice(0, 10)));
    const char = messageOf(validateCloudImageId('aws', 'ami-0abc1234def56789g'));
    expect(prefix).toBe('Add the ami- prefix: ami-0abc1234def567890.');
    expect(length).toContain('this one has 6');
    expect(char).toMatch(/^“g” is not a hex digit/);
    expect(new Set([prefix, length, char]).size).toBe(3);
  });

  it('points out the letter o where a zero belongs', () => {
    expect(messageOf(validateCloudImageId('aws', 'ami-o123abcd'))).toContain('did you mean zero');
  });

  it('names a space inside the id', () => {
    expect(messageOf(validateCloudImageId('aws', 'ami-0abc 1234'))).toMatch(/^a space is not a hex digit/);
  });

  it('refuses other EC2 ids by what they are', () => {
    expect(messageOf(validateCloudImageId('aws', 'snap-0abc1234def567890'))).toMatch(
      /^That is a snapshot id/,
    );
    expect(messageOf(validateCloudImageId('aws', 'i-0abc1234def567890'))).toMatch(/^That is an instance id/);
  });

  it('refuses ami without its hyphen', () => {
    expect(messageOf(validateCloudImageId('aws', 'ami0abc1234'))).toMatch(/^Write ami with a hyphen/);
  });

  it('refuses SSM parameters, which name a moving target', () => {
    const message = messageOf(
      validateCloudImageId(
        'aws',
        'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      ),
    );
    expect(message).toContain('SSM parameter');
  });

  it('refuses random text and empty input with the format and an example', () => {
    expect(messageOf(validateCloudImageId('aws', 'my ubuntu image'))).toContain('like ami-0abc1234def567890');
    expect(messageOf(validateCloudImageId('aws', '   '))).toMatch(/^Enter the AMI id/);
  });
});

describe('Google Compute Engine images', () => {
  const canonical = 'projects/debian-cloud/global/images/debian-12-bookworm-v20240815';

  it.each([
    [canonical],
    ['debian-cloud/global/images/debian-12-bookworm-v20240815'],
    [`https://www.googleapis.com/compute/v1/${canonical}`],
    [`https://compute.googleapis.com/compute/v1/${canonical}`],
    [`  ${canonical}  `],
  ])('folds %s into the projects/… path', (input) => {
    expect(idOf(validateCloudImageId('gcp', input))).toBe(canonical);
  });

  it('accepts a legacy domain-scoped project', () => {
    expect(idOf(validateCloudImageId('gcp', 'example.com:my-project/global/images/base-1'))).toBe(
      'projects/example.com:my-project/global/images/base-1',
    );
  });

  it.each([
    ['projects/-bad.com:my-project/global/images/x'],
    ['projects/example.com:ab/global/images/x'],
    ['projects/example:my-project/global/images/x'],
  ])('refuses a bad domain-scoped project %s', (input) => {
    expect(messageOf(validateCloudImageId('gcp', input))).toContain('is not a project id');
  });

  it('refuses an image family with the command that resolves it', () => {
    const message = messageOf(
      validateCloudImageId('gcp', 'projects/debian-cloud/global/images/family/debian-12'),
    );
    expect(message).toContain('image family');
    expect(message).toContain('describe-from-family debian-12 --project debian-cloud');
  });

  it.each([
    ['projects/abc/global/images/x', 'is not a project id'],
    ['projects/1debian/global/images/x', 'is not a project id'],
    ['projects/debian-cloud-/global/images/x', 'is not a project id'],
    ['projects/a-project-id-that-is-far-too-long/global/images/x', 'is not a project id'],
    ['projects/debian-cloud/global/images/12-image', 'is not an image name'],
    ['projects/debian-cloud/global/images/image-', 'is not an image name'],
    [`projects/debian-cloud/global/images/${'a'.repeat(64)}`, 'at most 63 characters; this one has 64'],
    ['projects/debian-cloud/global/images/', 'The image name is missing'],
    ['projects/Debian-Cloud/global/images/x', 'lowercase'],
    ['projects/debian-cloud/zones/us-east1-b/images/x', 'is not an image path'],
    ['global/images/debian-12', 'The project is missing'],
    ['https://example.com/projects/p/global/images/x', 'not a Compute Engine image link'],
    ['', 'Enter the image'],
  ])('refuses %j (%s)', (input, expected) => {
    expect(messageOf(validateCloudImageId('gcp', input))).toContain(expected);
  });

  it('asks for the project when given a bare image name', () => {
    expect(messageOf(validateCloudImageId('gcp', 'debian-12-bookworm-v20240815'))).toBe(
      "Name the image's project too: projects/PROJECT/global/images/debian-12-bookworm-v20240815.",
    );
  });

  it('accepts a one-letter name and a 63-character name', () => {
    expect(idOf(validateCloudImageId('gcp', 'projects/my-proj/global/images/a'))).toContain('/images/a');
    const long = `a${'b'.repeat(61)}c`;
    expect(idOf(validateCloudImageId('gcp', `projects/my-proj/global/images/${long}`))).toContain(long);
  });
});

describe('Azure images', () => {
  it.each([
    ['Canonical:ubuntu-24_04-lts:server:latest', 'Canonical:ubuntu-24_04-lts:server:latest'],
    ['RedHat:RHEL:8-lvm-gen2:LATEST', 'RedHat:RHEL:8-lvm-gen2:latest'],
    [
      'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:22.04.202408010',
      'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:22.04.202408010',
    ],
    [
      ' MicrosoftWindowsServer : WindowsServer : 2022-datacenter-g2 : latest ',
      'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2:latest',
    ],
  ])('accepts the URN %j', (input, id) => {
    expect(idOf(validateCloudImageId('azure', input))).toBe(id);
  });

  it.each([
    ['Canonical:ubuntu-24_04-lts:server', 'four parts', 'this has 3'],
    ['Canonical::server:latest', 'The offer part is empty', ''],
    ['Canonical:ubuntu:server:', 'The version part is empty', ''],
    ['Canonical:ubuntu:server:22.04', 'latest or three numbers', '“22.04”'],
    ['Canonical:ubuntu lts:server:latest', 'The offer “ubuntu lts”', 'letters, digits'],
    ['Canonical/ubuntu-24_04-lts/server/latest', 'Separate the four parts with colons', ''],
    ['ubuntu', 'neither a Marketplace URN nor a resource id', ''],
  ])('refuses the URN %j', (input, first, second) => {
    const message = messageOf(validateCloudImageId('azure', input));
    expect(message).toContain(first);
    expect(message).toContain(second);
  });

  it('accepts a managed image id with any keyword casing and canonicalises the keywords', () => {
    const input = `/SUBSCRIPTIONS/${SUB.toUpperCase()}/resourcegroups/Images-RG/providers/microsoft.compute/IMAGES/web-2024.1_`;
    expect(idOf(validateCloudImageId('azure', input))).toBe(
      `/subscriptions/${SUB}/resourceGroups/Images-RG/providers/Microsoft.Compute/images/web-2024.1_`,
    );
  });

  it('accepts a gallery image version id', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/golden.images/images/ubuntu-base/versions/1.20.3`;
    expect(idOf(validateCloudImageId('azure', `${id}/`))).toBe(id);
  });

  it.each([
    [
      `/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Compute/images/x`,
      'not a subscription id',
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg./providers/Microsoft.Compute/images/x`,
      'not a resource group name',
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/images/-x`,
      'not a managed image name',
    ],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/images/x`, 'A resource id reads'],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/disks/x`,
      'Hangar registers managed images',
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d`,
      'gallery image definition',
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/d/versions/latest`,
      'three numbers with dots',
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g-1/images/d/versions/1.0.0`,
      'not a gallery name',
    ],
  ])('refuses the resource id %s', (input, expected) => {
    expect(messageOf(validateCloudImageId('azure', input))).toContain(expected);
  });

  it('tells the three kinds apart', () => {
    expect(azureImageKind('Canonical:ubuntu-24_04-lts:server:latest')).toBe('marketplace');
    expect(
      azureImageKind(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/images/x`),
    ).toBe('managed');
    expect(
      azureImageKind(
        `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/Galleries/g/images/d/versions/1.0.0`,
      ),
    ).toBe('gallery');
  });
});

describe('OpenStack image ids', () => {
  const uuid = '4a9e1f0c-7d2b-4c1e-9f3a-2b6d8e0c5a17';

  it.each([
    [uuid],
    [uuid.toUpperCase()],
    [uuid.replace(/-/g, '')],
    [` ${uuid.replace(/-/g, '').toUpperCase()} `],
  ])('accepts %j as the lowercase dashed UUID', (input) => {
    expect(idOf(validateCloudImageId('openstack', input))).toBe(uuid);
  });

  it.each([
    [uuid.slice(0, 35), 'it has 31 hex digits, not 32'],
    [`${uuid}0`, 'it has 33 hex digits, not 32'],
    ['4a9e1f0c7d2b-4c1e-9f3a-2b6d8e0c5a17', 'dashes belong after the 8th'],
    [uuid.replace('4a', 'xa'), '“x” is not a hex digit'],
    ['ubuntu-22.04-server', 'looks like a name'],
    ['', 'Enter the image id'],
  ])('refuses %j (%s)', (input, expected) => {
    expect(messageOf(validateCloudImageId('openstack', input))).toContain(expected);
  });
});

describe('VMware templates', () => {
  it.each([
    ['vm-12', 'vm-12'],
    ['VM-4021', 'vm-4021'],
    ['6D1C5E0A-2B7F-4E9A-8C3D-1F2E3A4B5C6D', '6d1c5e0a-2b7f-4e9a-8c3d-1f2e3a4b5c6d'],
  ])('accepts the listed id %j', (input, id) => {
    expect(idOf(validateCloudImageId('vmware', input))).toBe(id);
  });

  it.each([['vm-'], ['vm-12a'], ['ubuntu-22.04-template'], ['host-12'], ['']])(
    'refuses typed text %j',
    (input) => {
      expect(messageOf(validateCloudImageId('vmware', input))).toMatch(/^Pick the template from the list/);
    },
  );
});

describe('every cloud', () => {
  const clouds: ImageIdCloud[] = ['aws', 'gcp', 'azure', 'openstack', 'vmware'];

  it.each(clouds)('%s refuses overlong input without inspecting it', (cloud) => {
    expect(messageOf(validateCloudImageId(cloud, 'a'.repeat(1025)))).toContain('too long');
  });

  it.each(clouds)('%s has a hint, and the hint (where it is an id) passes its own validator', (cloud) => {
    const hint = cloudImageIdHint(cloud);
    expect(hint.length).toBeGreaterThan(5);
    if (cloud === 'aws' || cloud === 'gcp' || cloud === 'openstack') {
      expect(idOf(validateCloudImageId(cloud, hint))).toBe(hint);
    }
  });
});
