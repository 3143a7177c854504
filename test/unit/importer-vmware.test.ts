import { describe, expect, it } from 'vitest';
import { importVmwareEnvironment, parseGovcUrl } from '../../main/importers/vmware-env';
import { fakeSecret } from './fixtures/importers/fake-credentials';

describe('parseGovcUrl', () => {
  it.each([
    ['vcenter.fake.test', { origin: 'https://vcenter.fake.test', hostname: 'vcenter.fake.test', path: '' }],
    [
      'https://vcenter.fake.test/sdk',
      { origin: 'https://vcenter.fake.test', hostname: 'vcenter.fake.test', path: '/sdk' },
    ],
    ['http://127.0.0.1:8989/sdk', { origin: 'http://127.0.0.1:8989', hostname: '127.0.0.1', path: '/sdk' }],
    [
      'https://admin:FAKE-pass-1@vc.fake.test:8443/sdk',
      {
        origin: 'https://vc.fake.test:8443',
        hostname: 'vc.fake.test',
        path: '/sdk',
        username: 'admin',
        password: 'FAKE-pass-1',
      },
    ],
    // Unencoded @ in the user name: the LAST @ ends the user info, as in Go's url.Parse.
    [
      'administrator@vsphere.local:FAKE-p@ss@vc.fake.test',
      {
        origin: 'https://vc.fake.test',
        hostname: 'vc.fake.test',
        path: '',
        username: 'administrator@vsphere.local',
        password: 'FAKE-p@ss',
      },
    ],
    [
      'https://user%40vsphere.local:FAKE%3Apass%25@vc.fake.test',
      {
        origin: 'https://vc.fake.test',
        hostname: 'vc.fake.test',
        path: '',
        username: 'user@vsphere.local',
        password: 'FAKE:pass%',
      },
    ],
    ['https://[::1]:8989/sdk', { origin: 'https://[::1]:8989', hostname: '[::1]', path: '/sdk' }],
  ])('splits %s', (raw, expected) => {
    expect(parseGovcUrl(raw)).toEqual(expected);
  });

  it.each([
    'ftp://vc.fake.test',
    'https://',
    'https://user:pass@',
    'https://vc.fake.test:notaport',
    'https://u:FAKE/pw@vc.fake.test',
  ])('refuses %s', (raw) => {
    expect(parseGovcUrl(raw)).toBeNull();
  });
});

describe('importVmwareEnvironment', () => {
  it('splits user and password out of GOVC_URL', () => {
    const password = fakeSecret('govc-url-password');
    const [candidate] = importVmwareEnvironment({
      GOVC_URL: `https://reader:${password}@vc.fake.test/sdk`,
    }).candidates;
    expect(candidate).toMatchObject({
      name: 'vSphere vc.fake.test',
      source: 'environment: GOVC_URL',
      needsSecret: false,
      problems: [],
    });
    expect(candidate?.draft).toEqual({
      cloud: 'vmware',
      connection: { url: 'https://vc.fake.test', username: 'reader' },
      secret: { password },
    });
    expect(candidate?.note).toContain('taken from GOVC_URL');
  });

  it('lets GOVC_USERNAME and GOVC_PASSWORD override the URL, and notes GOVC_INSECURE', () => {
    const password = fakeSecret('govc-password');
    const [candidate] = importVmwareEnvironment({
      GOVC_URL: 'https://old:FAKE-old-pass@vc.fake.test',
      GOVC_USERNAME: 'administrator@vsphere.local',
      GOVC_PASSWORD: password,
      GOVC_INSECURE: '1',
    }).candidates;
    expect(candidate?.draft).toEqual({
      cloud: 'vmware',
      connection: { url: 'https://vc.fake.test', username: 'administrator@vsphere.local' },
      secret: { password },
    });
    expect(candidate?.source).toBe('environment: GOVC_URL, GOVC_USERNAME, GOVC_PASSWORD, GOVC_INSECURE');
    expect(candidate?.note).toContain('pin the vCenter certificate');
  });

  it('asks for a missing password and reports a missing user', () => {
    const noPassword = importVmwareEnvironment({ GOVC_URL: 'vc.fake.test', GOVC_USERNAME: 'reader' })
      .candidates[0];
    expect(noPassword?.needsSecret).toBe(true);
    expect(noPassword?.problems).toEqual([]);
    expect(noPassword?.draft?.secret).toEqual({ password: '' });

    const noUser = importVmwareEnvironment({ GOVC_URL: 'vc.fake.test', GOVC_PASSWORD: fakeSecret('govc') })
      .candidates[0];
    expect(noUser?.draft).toBeNull();
    expect(noUser?.problems).toEqual(['No user name: set GOVC_USERNAME or put user@ in GOVC_URL.']);
  });

  it('reports a missing or unreadable GOVC_URL without repeating it', () => {
    const missing = importVmwareEnvironment({ GOVC_USERNAME: 'reader' }).candidates[0];
    expect(missing?.problems[0]).toContain('GOVC_URL is not set');
    const bad = importVmwareEnvironment({ GOVC_URL: 'ftp://reader:FAKE-bad-url-pass@vc.fake.test' })
      .candidates[0];
    expect(bad?.draft).toBeNull();
    expect(bad?.problems[0]).toBe(
      'GOVC_URL is not an address Hangar can read: expected https://vcenter.example.com.',
    );
  });

  it('notes a path other than /sdk, and proposes nothing without govc variables', () => {
    const [candidate] = importVmwareEnvironment({
      GOVC_URL: 'https://u:FAKE-p-1@vc.fake.test/custom',
    }).candidates;
    expect(candidate?.note).toContain('path in GOVC_URL was dropped');
    expect(importVmwareEnvironment({ GOVC_DATACENTER: 'dc1' })).toEqual({ candidates: [], errors: [] });
  });
});
