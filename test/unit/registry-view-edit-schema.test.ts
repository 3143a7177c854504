import { describe, expect, it } from 'vitest';
import type { RegistryRecord } from '@contract/index';
import {
  editValuesOf,
  RecordEditSchema,
} from '../../renderer/src/features/registry/model/record-edit-schema';

const record: RegistryRecord = {
  id: 'img-1',
  workspaceId: 'default',
  environmentId: null,
  environmentName: null,
  shared: true,
  owner: 'me',
  name: 'ubuntu-22.04-base',
  alias: 'Web base',
  version: '1.2',
  description: '',
  osFamily: 'ubuntu',
  osVersion: '22.04',
  architecture: 'x86_64',
  sizeGb: 8,
  agentInstalled: false,
  labelColor: 'blue',
  tags: { team: 'web', env: 'prod' },
  access: 'private',
  mappings: [],
  drift: 'unchecked',
  createdAt: '2024-01-01T12:00:00Z',
  updatedAt: '2024-01-01T12:00:00Z',
};

describe('the record edit form', () => {
  it('round-trips a record into the contract fields', () => {
    const values = editValuesOf(record);
    expect(values.sizeGb).toBe('8');
    expect(values.tags).toBe('env=prod\nteam=web');
    const parsed = RecordEditSchema.parse(values);
    expect(parsed).toMatchObject({
      sizeGb: 8,
      tags: { env: 'prod', team: 'web' },
      osFamily: 'ubuntu',
      shared: true,
    });
  });

  it('reads a blank size as unknown and normalises the OS family spelling', () => {
    const parsed = RecordEditSchema.parse({ ...editValuesOf(record), sizeGb: '  ', osFamily: 'Free BSD' });
    expect(parsed.sizeGb).toBeNull();
    expect(parsed.osFamily).toBe('freebsd');
  });

  it('puts each refusal on its field', () => {
    const result = RecordEditSchema.safeParse({
      ...editValuesOf(record),
      name: '',
      sizeGb: '2.5',
      tags: 'team',
      osVersion: ' ',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'sizeGb', 'tags', 'osVersion']));
    const tagIssue = result.error!.issues.find((issue) => issue.path[0] === 'tags');
    expect(tagIssue?.message).toContain('key=value');
  });

  it('refuses tags that the contract refuses (reserved aws: keys)', () => {
    const result = RecordEditSchema.safeParse({ ...editValuesOf(record), tags: 'aws:owner=me' });
    expect(result.success).toBe(false);
  });

  it('maps an architecture outside the list to unknown', () => {
    expect(editValuesOf({ ...record, architecture: 'ppc64' }).architecture).toBe('unknown');
  });
});
