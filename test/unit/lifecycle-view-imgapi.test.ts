import { describe, expect, it } from 'vitest';
import { ImgapiImportRequestSchema, type Account } from '@contract/index';
import {
  filterImages,
  formatBytes,
  imageLabel,
  importAccounts,
  ImportFormSchema,
  importProblem,
  importRequest,
  recordPrefill,
  ZVOL_ONLY,
  type ImportValues,
  type RepositoryImage,
} from '../../renderer/src/features/lifecycle/model/imgapi';

const image = (extra: Partial<RepositoryImage>): RepositoryImage => ({
  uuid: 'u-1',
  name: 'ubuntu-certified-22.04',
  version: '20240301',
  os: 'linux',
  type: 'zvol',
  publishedAt: '2024-03-01T00:00:00Z',
  sizeBytes: 10 * 1024 ** 3,
  manifestUrl: 'http://127.0.0.1:9/images/u-1',
  ...extra,
});

const values: ImportValues = {
  manifestUrl: ' http://127.0.0.1:9/images/u-1 ',
  accountId: 'acct-os',
  location: 'RegionOne',
  mode: 'none',
  recordName: '',
  osFamily: '',
  osVersion: '',
};

describe('repository images', () => {
  it('only whole-disk images are importable, the rest say why', () => {
    expect(importProblem(image({}))).toBeNull();
    expect(importProblem(image({ type: 'zone-dataset' }))).toBe(ZVOL_ONLY);
    expect(importProblem(image({ type: 'lx-dataset' }))).toBe(
      'only whole-disk (zvol) images boot on OpenStack',
    );
  });

  it('are named by name and version, sized in binary units', () => {
    expect(imageLabel(image({}))).toBe('ubuntu-certified-22.04 20240301');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(null)).toBe('—');
  });

  it('filter by every word over name, version, OS and type', () => {
    const list = [
      image({}),
      image({ uuid: 'u-2', name: 'base-64-lts', os: 'smartos', type: 'zone-dataset' }),
    ];
    expect(filterImages(list, 'UBUNTU zvol').map((i) => i.uuid)).toEqual(['u-1']);
    expect(filterImages(list, 'smartos').map((i) => i.uuid)).toEqual(['u-2']);
    expect(filterImages(list, '  ')).toHaveLength(2);
  });

  it('pre-fill a record from the image’s name', () => {
    expect(recordPrefill(image({}))).toEqual({
      recordName: 'ubuntu-certified-22.04 20240301',
      osFamily: 'ubuntu',
      osVersion: '22.04',
    });
    expect(recordPrefill(image({ name: 'debian-12', version: '1', os: 'linux' })).osVersion).toBe('12');
    expect(recordPrefill(image({ name: 'centos-7-x86', version: '1', os: 'linux' })).osVersion).toBe('7');
    expect(recordPrefill(image({ name: 'minimal', version: '1', os: 'linux' })).osVersion).toBe('');
    expect(recordPrefill(image({ name: 'weird+name', os: 'windows' })).osFamily).toBe('windows');
  });

  it('go to OpenStack accounts only', () => {
    const accounts = [
      { id: 'a', cloud: 'aws' },
      { id: 'o', cloud: 'openstack' },
    ] as Account[];
    expect(importAccounts(accounts).map((a) => a.id)).toEqual(['o']);
  });
});

describe('the import form', () => {
  it('asks for an http(s) manifest URL, an account and a location', () => {
    const parsed = ImportFormSchema.safeParse({
      ...values,
      manifestUrl: 'ftp://x/y',
      accountId: '',
      location: '',
    });
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual([
      'manifestUrl',
      'accountId',
      'location',
    ]);
    expect(ImportFormSchema.safeParse(values).success).toBe(true);
  });

  it('checks a new record’s fields only when registering', () => {
    expect(ImportFormSchema.safeParse({ ...values, mode: 'new' }).success).toBe(false);
    expect(
      ImportFormSchema.safeParse({
        ...values,
        mode: 'new',
        recordName: 'Ubuntu',
        osFamily: 'ubuntu',
        osVersion: '22.04',
      }).success,
    ).toBe(true);
  });

  it('sends what main accepts', () => {
    const request = importRequest(
      { ...values, mode: 'new', recordName: 'Ubuntu', osFamily: 'ubuntu', osVersion: '22.04' },
      'ws-1',
    );
    expect(request.manifestUrl).toBe('http://127.0.0.1:9/images/u-1');
    expect(request.register).toEqual({ record: { name: 'Ubuntu', osFamily: 'ubuntu', osVersion: '22.04' } });
    expect(ImgapiImportRequestSchema.safeParse(request).success).toBe(true);
    expect(importRequest(values, 'ws-1').register).toBeNull();
  });
});
