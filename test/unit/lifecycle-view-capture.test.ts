import { describe, expect, it } from 'vitest';
import { CaptureRequestSchema } from '@contract/index';
import {
  CaptureFormSchema,
  captureRequest,
  type CaptureValues,
} from '../../renderer/src/features/lifecycle/model/capture-form';
import {
  addConflict,
  architectureOf,
  copyRecordName,
  registerDefaults,
  registerIssues,
  registerPayload,
} from '../../renderer/src/features/lifecycle/model/register-choice';
import { launch, mapping, record, server } from './lifecycle-view-fixtures';

const base: CaptureValues = {
  imageName: 'web-capture-20250304',
  description: '  nightly  ',
  mode: 'none',
  recordName: '',
  osFamily: '',
  osVersion: '',
};
const source = {
  launch: launch({ recordId: 'img-1' }),
  server: { ...server('web', 'running'), serverId: 'i-web' },
};

describe('register the result', () => {
  it('pre-fills a new record from the launch’s record, named as a copy', () => {
    expect(registerDefaults(record([]), 'new')).toEqual({
      mode: 'new',
      recordName: 'Ubuntu 22.04 base private copy',
      osFamily: 'ubuntu',
      osVersion: '22.04',
    });
    expect(registerDefaults(null, 'none')).toEqual({
      mode: 'none',
      recordName: '',
      osFamily: '',
      osVersion: '',
    });
    expect(copyRecordName('Web (prod) #2')).toBe('Web -prod- -2 private copy');
  });

  it('checks a new record’s fields with the registry’s rules only when one is asked for', () => {
    expect(registerIssues({ ...base, mode: 'none' })).toEqual([]);
    const issues = registerIssues({
      ...base,
      mode: 'new',
      recordName: 'ok',
      osFamily: 'nonsense',
      osVersion: ' ',
    });
    expect(issues.map((issue) => issue.path)).toEqual(['osFamily', 'osVersion']);
    expect(issues[0]?.message).toBe('choose an OS family from the list');
  });

  it('builds the register part: nothing, a new record, or the record to add to', () => {
    expect(registerPayload({ ...base, mode: 'none' }, 'img-1')).toBeNull();
    expect(registerPayload({ ...base, mode: 'add' }, 'img-1')).toEqual({
      addToRecordId: 'img-1',
      replaceExisting: true,
    });
    // "Add" without a record to add to registers nothing rather than guessing.
    expect(registerPayload({ ...base, mode: 'add' }, null)).toBeNull();
    expect(
      registerPayload(
        { mode: 'new', recordName: ' Web copy ', osFamily: 'ubuntu', osVersion: ' 22.04 ' },
        'img-1',
        { architecture: 'arm64' },
      ),
    ).toEqual({
      record: { architecture: 'arm64', name: 'Web copy', osFamily: 'ubuntu', osVersion: '22.04' },
    });
  });

  it('warns before adding a second image for the same account and location to a record', () => {
    const rec = record([mapping()]);
    expect(addConflict(rec, 'acct-1', 'us-east-1')).toContain(
      'maps ami-0abc in us-east-1 for this account: the captured image takes its place',
    );
    expect(addConflict(rec, 'acct-1', 'eu-west-1')).toBeNull();
    expect(addConflict(rec, 'acct-2', 'us-east-1')).toBeNull();
  });

  it('keeps only architectures the registry knows', () => {
    expect(architectureOf(record([], { architecture: 'arm64' }))).toBe('arm64');
    expect(architectureOf(record([], { architecture: 'sparc' }))).toBeUndefined();
    expect(architectureOf(null)).toBeUndefined();
  });
});

describe('the capture form', () => {
  it('refuses image names the cloud would, with main’s message', () => {
    const parsed = CaptureFormSchema.safeParse({ ...base, imageName: 'web server' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['imageName']);
    expect(CaptureFormSchema.safeParse({ ...base, imageName: 'ab' }).success).toBe(false);
    expect(CaptureFormSchema.safeParse(base).success).toBe(true);
  });

  it('puts a new record’s problems on their own fields', () => {
    const parsed = CaptureFormSchema.safeParse({
      ...base,
      mode: 'new',
      recordName: 'bad|name',
      osFamily: 'ubuntu',
      osVersion: '22.04',
    });
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['recordName']]);
  });

  it('sends the launch’s account and location, the server id and the trimmed fields', () => {
    const request = captureRequest(
      { ...base, mode: 'add' },
      { workspaceId: 'ws-1', source, addToRecordId: 'img-1' },
    );
    expect(request).toEqual({
      workspaceId: 'ws-1',
      accountId: 'acct-1',
      location: 'us-east-1',
      serverId: 'i-web',
      name: 'web-capture-20250304',
      description: 'nightly',
      register: { addToRecordId: 'img-1', replaceExisting: true },
    });
    // What the dialog sends is what main accepts.
    expect(CaptureRequestSchema.safeParse(request).success).toBe(true);
    const asNew = captureRequest(
      { ...base, mode: 'new', recordName: 'Web copy', osFamily: 'Ubuntu', osVersion: '22.04' },
      { workspaceId: 'ws-1', source, addToRecordId: null, extra: { architecture: 'x86_64' } },
    );
    const parsed = CaptureRequestSchema.parse(asNew);
    expect(parsed.register?.record?.osFamily).toBe('ubuntu');
    expect(parsed.register?.record?.access).toBe('private');
  });
});
