import { describe, expect, it } from 'vitest';
import { guestKey, inferOsFromText, normaliseGuestOs } from '../../main/providers/vmware/guest-os';

describe('guest OS ids (SOAP spelling)', () => {
  it.each([
    ['ubuntu64Guest', 'ubuntu', null, 'x86_64'],
    ['ubuntuGuest', 'ubuntu', null, 'i386'],
    ['rhel9_64Guest', 'rhel', '9', 'x86_64'],
    ['rhel7_64Guest', 'rhel', '7', 'x86_64'],
    ['centos8_64Guest', 'centos', '8', 'x86_64'],
    ['centos64Guest', 'centos', null, 'x86_64'],
    ['debian12_64Guest', 'debian', '12', 'x86_64'],
    ['rockylinux_64Guest', 'rocky', null, 'x86_64'],
    ['almalinux_64Guest', 'almalinux', null, 'x86_64'],
    ['sles15_64Guest', 'sles', '15', 'x86_64'],
    ['opensuse64Guest', 'opensuse', null, 'x86_64'],
    ['oracleLinux8_64Guest', 'oracle', '8', 'x86_64'],
    ['freebsd13_64Guest', 'freebsd', '13', 'x86_64'],
    ['amazonlinux2_64Guest', 'amzn', '2', 'x86_64'],
    ['amazonlinux3_64Guest', 'amzn', '2023', 'x86_64'],
    ['vmwarePhoton64Guest', 'photon', null, 'x86_64'],
    ['coreos64Guest', 'coreos', null, 'x86_64'],
    ['fedora64Guest', 'fedora', null, 'x86_64'],
    ['windows2019srv_64Guest', 'windows', '2019', 'x86_64'],
    ['windows2019srvNext_64Guest', 'windows', '2022', 'x86_64'],
    ['windows2022srvNext_64Guest', 'windows', '2025', 'x86_64'],
    ['windows9Server64Guest', 'windows', '2016', 'x86_64'],
    ['windows8Server64Guest', 'windows', '2012', 'x86_64'],
    ['windows7Server64Guest', 'windows', '2008 R2', 'x86_64'],
    ['windows9_64Guest', 'windows', '10', 'x86_64'],
    ['windows11_64Guest', 'windows', '11', 'x86_64'],
    ['winNetStandardGuest', 'windows', '2003', 'i386'],
    ['other4xLinux64Guest', 'unknown', null, 'x86_64'],
    ['otherGuest', 'unknown', null, 'i386'],
    ['darwin21_64Guest', 'unknown', null, 'x86_64'],
  ])('%s → %s %s', (id, family, version, architecture) => {
    expect(normaliseGuestOs(id)).toEqual({ family, version, architecture });
  });
});

describe('guest OS ids (REST spelling)', () => {
  it.each([
    ['UBUNTU_64', 'ubuntu', null],
    ['RHEL_9_64', 'rhel', '9'],
    ['DEBIAN_11_64', 'debian', '11'],
    ['CENTOS_7_64', 'centos', '7'],
    ['SLES_15_64', 'sles', '15'],
    ['ORACLE_LINUX_9_64', 'oracle', '9'],
    ['ROCKYLINUX_64', 'rocky', null],
    ['WINDOWS_SERVER_2019', 'windows', '2019'],
    ['WINDOWS_SERVER_2021', 'windows', '2022'],
    ['WINDOWS_9_SERVER_64', 'windows', '2016'],
    ['VMWARE_PHOTON_64', 'photon', null],
    ['OTHER_LINUX_64', 'unknown', null],
  ])('%s → %s %s', (id, family, version) => {
    const os = normaliseGuestOs(id);
    expect([os.family, os.version]).toEqual([family, version]);
    expect(os.architecture).toBe('x86_64');
  });

  it('folds both spellings of one release into the same key', () => {
    expect(guestKey('rhel9_64Guest')).toEqual(guestKey('RHEL_9_64'));
    expect(guestKey('windows9Server64Guest')).toEqual(guestKey('WINDOWS_9_SERVER_64'));
    expect(guestKey('ubuntu64Guest')).toEqual({ key: 'ubuntu', is64: true });
  });

  it('says unknown for nothing at all', () => {
    expect(normaliseGuestOs(null).family).toBe('unknown');
    expect(normaliseGuestOs('').family).toBe('unknown');
  });
});

describe('OS from template names (ovf items say nothing)', () => {
  it.each([
    ['ubuntu-22.04-server-cloudimg-amd64', 'ubuntu', '22.04'],
    ['win2019-std-tmpl', 'windows', '2019'],
    ['Windows Server 2012 R2 Datacenter', 'windows', '2012 R2'],
    ['rhel-9.3-base-tmpl', 'rhel', '9.3'],
    ['Red Hat Enterprise Linux 8.10 minimal', 'rhel', '8.10'],
    ['centos-8-stream-tmpl', 'centos', '8'],
    ['rocky-9.4-golden', 'rocky', '9.4'],
    ['haproxy-alma-9.4-ovf', 'almalinux', '9.4'],
    ['oracle-linux-8-ovf', 'oracle', '8'],
    ['sles-15-sp5-tmpl', 'sles', '15-SP5'],
    ['debian-11-appliance-ovf', 'debian', '11'],
    ['freebsd-14.1-base-ovf', 'freebsd', '14.1'],
    ['vmware-photon-os-5.0-ovf', 'photon', '5.0'],
    ['f5-bigip-17.1-ovf', 'unknown', null],
    ['nsx-edge-4.1.2-ovf', 'unknown', null],
  ])('%s → %s %s', (name, family, version) => {
    expect(inferOsFromText(name)).toEqual({ family, version });
  });

  it('reads the description when the name is silent', () => {
    expect(inferOsFromText('golden-web', 'Debian 12 bookworm, hardened')).toEqual({
      family: 'debian',
      version: '12',
    });
  });
});
