import { describe, expect, it } from 'vitest';
import {
  inferOsFromName,
  normaliseOsDistro,
  OS_DISTRO_VOCABULARY,
} from '../../main/providers/openstack/os-distro';

describe('os_distro normalisation', () => {
  it.each([
    ['ubuntu', 'ubuntu'],
    ['Ubuntu', 'ubuntu'],
    ['FreeBSD', 'freebsd'],
    ['Freebsd', 'freebsd'],
    [' freebsd ', 'freebsd'],
    ['CentOS', 'centos'],
    ['centos-stream', 'centos'],
    ['CentOS Stream', 'centos'],
    ['Red Hat', 'rhel'],
    ['redhat', 'rhel'],
    ['RHEL', 'rhel'],
    ['Rocky Linux', 'rocky'],
    ['rockylinux', 'rocky'],
    ['AlmaLinux', 'almalinux'],
    ['alma', 'almalinux'],
    ['openSUSE', 'opensuse'],
    ['opensuse-leap', 'opensuse'],
    ['openSUSE_Tumbleweed', 'opensuse'],
    ['SLES', 'sles'],
    ['suse', 'sles'],
    ['sled', 'sled'],
    ['Windows', 'windows'],
    ['Windows Server', 'windows'],
    ['mswindows', 'windows'],
    ['archlinux', 'arch'],
    ['fedora-coreos', 'coreos'],
    ['Oracle Linux', 'oracle'],
    ['msdos', 'msdos'],
    ['netbsd', 'netbsd'],
    ['opensolaris', 'opensolaris'],
    ['alpine', 'unknown'],
    ['nixos', 'unknown'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseOsDistro(raw)).toBe(expected);
  });

  it('says nothing for a missing or empty os_distro, so the name can be tried', () => {
    expect(normaliseOsDistro(undefined)).toBeNull();
    expect(normaliseOsDistro(null)).toBeNull();
    expect(normaliseOsDistro('   ')).toBeNull();
    expect(normaliseOsDistro(42)).toBeNull();
  });

  it('only ever answers with the lowercase vocabulary', () => {
    for (const raw of [
      'Ubuntu',
      'FREEBSD',
      'Red Hat Enterprise Linux',
      'something-else',
      'Debian GNU/Linux',
    ]) {
      const family = normaliseOsDistro(raw);
      expect(OS_DISTRO_VOCABULARY).toContain(family);
      expect(family).toBe(family?.toLowerCase());
    }
  });
});

describe('OS inference from image names', () => {
  it.each([
    ['ubuntu-22.04-server-cloudimg-amd64-20240301', 'ubuntu', '22.04'],
    ['Ubuntu 24.04 LTS (Noble Numbat)', 'ubuntu', '24.04'],
    ['debian-12-genericcloud-amd64-20240717-1811', 'debian', '12'],
    ['CentOS-Stream-GenericCloud-9-20240805.0.x86_64', 'centos', '9'],
    ['Rocky-9-GenericCloud-Base-9.4-20240609.1.x86_64', 'rocky', '9'],
    ['AlmaLinux-8-GenericCloud-latest', 'almalinux', '8'],
    ['Fedora-Cloud-Base-Generic-40-1.14.x86_64', 'fedora', '40'],
    ['Windows Server 2022 Datacenter', 'windows', '2022'],
    ['FreeBSD-14.1-RELEASE-amd64-zfs', 'freebsd', '14.1'],
    ['rhel-9.4-golden', 'rhel', '9.4'],
    ['ubuntu-20240301-nightly', 'ubuntu', null],
    ['cirros-0.6.2-x86_64-disk', 'unknown', null],
    ['my-app', 'unknown', null],
  ])('%s → %s %s', (name, family, version) => {
    expect(inferOsFromName(name)).toEqual({ family, version });
  });
});
