import { describe, expect, it } from 'vitest';
import { inferAzureOs, normaliseArchitecture } from '../../main/providers/azure/azure-os';

describe('Azure OS normalisation', () => {
  it.each([
    ['Canonical', 'ubuntu-24_04-lts', 'server', 'ubuntu', '24.04'],
    ['Canonical', 'ubuntu-24_04-lts', 'server-arm64', 'ubuntu', '24.04'],
    ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2', 'ubuntu', '22.04'],
    ['Canonical', '0001-com-ubuntu-server-focal', '20_04-lts', 'ubuntu', '20.04'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter-g2', 'windows', '2022'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2012-r2-datacenter', 'windows', '2012 R2'],
    ['RedHat', 'RHEL', '8-lvm-gen2', 'rhel', '8'],
    ['RedHat', 'RHEL', '9_4', 'rhel', '9.4'],
    ['RedHat', 'RHEL', '8_10', 'rhel', '8.10'],
    ['RedHat', 'rhel-arm64', '9_4-arm64', 'rhel', '9.4'],
    ['Debian', 'debian-12', '12-gen2', 'debian', '12'],
    ['Debian', 'debian-11', '11-backports-gen2', 'debian', '11'],
    ['SUSE', 'sles-15-sp6', 'gen2', 'sles', '15-SP6'],
    ['SUSE', 'opensuse-leap-15-6', 'gen2', 'opensuse', '15.6'],
    ['resf', 'rockylinux-x86_64', '9-base', 'rocky', '9'],
    ['almalinux', 'almalinux-x86_64', '9-gen2', 'almalinux', '9'],
  ])('%s:%s:%s is %s %s', (publisher, offer, sku, family, version) => {
    expect(inferAzureOs({ publisher, offer, sku })).toEqual({ family, version });
  });

  it('reads gallery identifiers and build names', () => {
    expect(
      inferAzureOs({
        publisher: 'Contoso',
        offer: 'web-server',
        sku: 'ubuntu-22_04-lts',
        name: 'ubuntu-2204-web',
      }),
    ).toEqual({
      family: 'ubuntu',
      version: '22.04',
    });
    expect(inferAzureOs({ name: 'ubuntu-2204-web-20240611', osType: 'Linux' })).toEqual({
      family: 'ubuntu',
      version: '22.04',
    });
    expect(inferAzureOs({ name: 'win2019-sql-build-20240101', osType: 'Windows' })).toEqual({
      family: 'windows',
      version: '2019',
    });
    expect(inferAzureOs({ name: 'rhel9-base-20240611' })).toEqual({ family: 'rhel', version: '9' });
    expect(inferAzureOs({ name: 'debian12-ci-runner-20240611' })).toEqual({
      family: 'debian',
      version: '12',
    });
  });

  it('falls back to the OS type, and says unknown rather than guessing for Linux', () => {
    expect(inferAzureOs({ name: 'golden-42', osType: 'Windows' })).toEqual({
      family: 'windows',
      version: null,
    });
    expect(inferAzureOs({ name: 'golden-42', osType: 'Linux' })).toEqual({
      family: 'unknown',
      version: null,
    });
  });

  it('maps architectures to the catalog words', () => {
    expect(normaliseArchitecture('x64')).toBe('x86_64');
    expect(normaliseArchitecture('Arm64')).toBe('arm64');
    expect(normaliseArchitecture(undefined)).toBe('x86_64');
  });
});
