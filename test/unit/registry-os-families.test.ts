import { describe, expect, it } from 'vitest';
import {
  normaliseOsFamily,
  normaliseOsVersion,
  OS_FAMILIES,
  osFamilyLabel,
  OsFamilySchema,
  OsVersionSchema,
} from '../../preload/contract/registry/os-families';

/** The os_distro list from the public facts file: every value must be a family id as is. */
const OS_DISTRO = [
  'arch',
  'centos',
  'debian',
  'fedora',
  'freebsd',
  'gentoo',
  'mandrake',
  'mandriva',
  'mes',
  'msdos',
  'netbsd',
  'netware',
  'openbsd',
  'opensolaris',
  'opensuse',
  'rhel',
  'sled',
  'ubuntu',
  'windows',
];

/** Families the catalog's OS inference produces for AWS, GCP, Azure and VMware beyond os_distro. */
const CATALOG_EXTRAS = ['rocky', 'almalinux', 'amzn', 'sles', 'cos', 'coreos', 'flatcar', 'oracle', 'photon'];

describe('OS_FAMILIES', () => {
  it('holds the os_distro list and the catalog families, each once, with labels', () => {
    const ids = OS_FAMILIES.map((family) => family.id);
    expect(ids).toEqual(expect.arrayContaining([...OS_DISTRO, ...CATALOG_EXTRAS]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('unknown');
    for (const family of OS_FAMILIES) {
      expect(family.id).toMatch(/^[a-z]+$/);
      expect(family.label.length).toBeGreaterThan(1);
    }
  });

  it('lists the common families first', () => {
    expect(OS_FAMILIES.slice(0, 3).map((family) => family.id)).toEqual(['ubuntu', 'debian', 'rhel']);
  });

  it('maps every id and every label back to its own id', () => {
    for (const family of OS_FAMILIES) {
      expect(normaliseOsFamily(family.id)).toBe(family.id);
      expect(normaliseOsFamily(family.label)).toBe(family.id);
    }
  });
});

describe('normaliseOsFamily', () => {
  it.each([
    ['Freebsd', 'freebsd'],
    ['FreeBSD', 'freebsd'],
    ['free bsd', 'freebsd'],
    ['  FREE-BSD ', 'freebsd'],
    ['RHEL', 'rhel'],
    ['Red Hat', 'rhel'],
    ['red_hat', 'rhel'],
    ['Red Hat Enterprise Linux', 'rhel'],
    ['Amazon Linux', 'amzn'],
    ['amazon-linux', 'amzn'],
    ['AL2023', 'amzn'],
    ['SUSE Linux Enterprise Server', 'sles'],
    ['suse', 'sles'],
    ['SLES', 'sles'],
    ['SUSE Linux Enterprise Desktop', 'sled'],
    ['openSUSE Leap', 'opensuse'],
    ['CentOS Stream', 'centos'],
    ['Rocky Linux', 'rocky'],
    ['rockylinux', 'rocky'],
    ['Alma', 'almalinux'],
    ['Oracle Linux', 'oracle'],
    ['Windows Server', 'windows'],
    ['Container-Optimized OS', 'cos'],
    ['COS', 'cos'],
    ['Fedora CoreOS', 'coreos'],
    ['fedora-coreos', 'coreos'],
    ['Flatcar', 'flatcar'],
    ['Photon OS', 'photon'],
    ['Arch Linux', 'arch'],
    ['MS-DOS', 'msdos'],
    ['other', 'other'],
  ])('%j → %s', (input, id) => {
    expect(normaliseOsFamily(input)).toBe(id);
  });

  it.each([['unknown'], [''], ['   '], ['Linux'], ['TempleOS'], ['ubuntu 22.04'], ['debianx']])(
    '%j → null',
    (input) => {
      expect(normaliseOsFamily(input)).toBeNull();
    },
  );
});

describe('osFamilyLabel', () => {
  it.each([
    ['freebsd', 'FreeBSD'],
    ['rhel', 'Red Hat Enterprise Linux'],
    ['amzn', 'Amazon Linux'],
    ['sles', 'SUSE Linux Enterprise Server'],
    ['suse', 'SUSE Linux Enterprise Server'],
    ['unknown', 'Unknown'],
    ['', 'Unknown'],
    ['plan9', 'plan9'],
  ])('%j → %j', (id, label) => {
    expect(osFamilyLabel(id)).toBe(label);
  });
});

describe('OsFamilySchema', () => {
  it('parses to the normalised id', () => {
    expect(OsFamilySchema.parse('Red Hat')).toBe('rhel');
    expect(OsFamilySchema.parse(' Ubuntu ')).toBe('ubuntu');
  });

  it.each([['plan9'], ['unknown'], [''], [42], [null]])(
    'refuses %j with "choose an OS family from the list"',
    (input) => {
      const result = OsFamilySchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        'choose an OS family from the list',
      ]);
    },
  );
});

describe('OS version', () => {
  it.each([
    ['22.04', '22.04'],
    ['  24.04   LTS  ', '24.04 LTS'],
    ['2022\tR2', '2022 R2'],
    ['15-SP5', '15-SP5'],
    ['x'.repeat(32), 'x'.repeat(32)],
  ])('normaliseOsVersion(%j) → %j', (input, version) => {
    expect(normaliseOsVersion(input)).toBe(version);
    expect(OsVersionSchema.parse(input)).toBe(version);
  });

  it.each([
    ['', 'give the OS version, e.g. 22.04 or 2022'],
    ['   ', 'give the OS version, e.g. 22.04 or 2022'],
    ['x'.repeat(33), 'keep the OS version to 32 characters'],
    ['9\u0000', 'the OS version holds a control character; remove it'],
  ])('refuses %j', (input, message) => {
    expect(normaliseOsVersion(input)).toBeNull();
    const result = OsVersionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('counts the length after collapsing spaces', () => {
    const spaced = `${'a'.repeat(16)}     ${'b'.repeat(15)}`;
    expect(normaliseOsVersion(spaced)).toBe(`${'a'.repeat(16)} ${'b'.repeat(15)}`);
  });
});
