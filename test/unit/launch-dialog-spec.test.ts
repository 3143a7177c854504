import { describe, expect, it } from 'vitest';
import { LaunchSpecRequestSchema } from '@contract/index';
import {
  initialDraft,
  launchReducer,
  type LaunchAction,
  type LaunchDraft,
} from '../../renderer/src/features/launch/model/launch-draft';
import {
  buildLaunchSpec,
  resolveChoices,
  scriptPreviewSpec,
  type SpecContext,
} from '../../renderer/src/features/launch/model/launch-spec';
import { awsOptions, place } from './launch-dialog-fixtures';

const draftOf = (...actions: LaunchAction[]): LaunchDraft =>
  actions.reduce(launchReducer, initialDraft({ placeId: 'map-1', zone: 'us-central1-a', name: 'web-1' }));

const context = (patch: Partial<SpecContext> = {}): SpecContext => ({
  workspaceId: 'ws-1',
  recordId: 'rec-1',
  place: place(),
  options: awsOptions(),
  ...patch,
});

const fields = (draft: LaunchDraft, ctx = context()) =>
  buildLaunchSpec(draft, ctx).problems.map((p) => p.field);

describe('launch spec: defaults', () => {
  it('takes the smallest fitting flavor, the first network and subnet and the first key pair', () => {
    const choices = resolveChoices(draftOf(), awsOptions());
    // t4g.micro is smaller-or-equal but arm64: it cannot take an x86_64 image.
    expect(choices).toMatchObject({
      flavorId: 't3.micro',
      networkId: 'vpc-1',
      subnetId: 'subnet-a',
      keyName: 'ops',
    });
  });

  it('keeps what the user chose, and "no key pair" stays none', () => {
    const draft = draftOf(
      { type: 'set', patch: { flavorId: 'c5.xlarge', keyName: '' } },
      { type: 'choose-network', networkId: 'vpc-2' },
    );
    expect(resolveChoices(draft, awsOptions())).toMatchObject({
      flavorId: 'c5.xlarge',
      networkId: 'vpc-2',
      subnetId: 'subnet-c',
      keyName: null,
    });
  });

  it('builds a request the contract accepts, with the same fields preview and start get', () => {
    const built = buildLaunchSpec(
      draftOf(
        {
          type: 'set',
          patch: { publicIp: true, tags: 'team=web, tier=gold', billingCode: 'CC-12', count: '2' },
        },
        { type: 'toggle-group', groupId: 'sg-1', on: true },
      ),
      context(),
    );
    expect(built.problems).toEqual([]);
    expect(built.valid).toBe(true);
    expect(built.spec).toMatchObject({
      workspaceId: 'ws-1',
      accountId: 'acc-aws',
      location: 'eu-west-1',
      imageId: 'ami-0abc',
      recordId: 'rec-1',
      flavorId: 't3.micro',
      subnetId: 'subnet-a',
      publicIp: true,
      securityGroupIds: ['sg-1'],
      keyName: 'ops',
      publicKey: null,
      name: 'web-1',
      count: 2,
      tags: { team: 'web', tier: 'gold' },
      billingCode: 'CC-12',
    });
    expect(LaunchSpecRequestSchema.safeParse(built.spec).success).toBe(true);
  });
});

describe('launch spec: what the cloud cannot do is not sent', () => {
  it('drops public IP, groups, volumes and key pairs where the capabilities say no', () => {
    const options = awsOptions({
      cloud: 'vmware',
      capabilities: {
        ...awsOptions().capabilities,
        keyPairs: 'public-key-only',
        securityGroups: false,
        publicIp: false,
        volumes: false,
      },
    });
    const draft = draftOf(
      {
        type: 'set',
        patch: { publicIp: true, publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB me@laptop' },
      },
      { type: 'toggle-group', groupId: 'sg-1', on: true },
      { type: 'add-volume' },
    );
    const built = buildLaunchSpec(
      draft,
      context({ options, place: place({ cloud: 'vmware', computeResource: 'Cluster-1' }) }),
    );
    expect(built.spec).toMatchObject({
      publicIp: false,
      securityGroupIds: [],
      volumes: [],
      raid: null,
      keyName: null,
      publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB me@laptop',
      computeResource: 'Cluster-1',
    });
  });

  it('refuses a public key that is not an OpenSSH line on a public-key-only cloud', () => {
    const options = awsOptions({
      capabilities: { ...awsOptions().capabilities, keyPairs: 'public-key-only' },
    });
    const draft = draftOf({ type: 'set', patch: { publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----' } });
    expect(fields(draft, context({ options }))).toEqual(['publicKey']);
  });

  it('says so when the cloud cannot launch at all', () => {
    const options = awsOptions({
      capabilities: {
        ...awsOptions().capabilities,
        launch: { supported: false, reason: 'No compute API here.' },
      },
    });
    const problems = buildLaunchSpec(draftOf(), context({ options })).problems;
    expect(problems).toContainEqual({ field: 'account', message: 'No compute API here.' });
  });
});

describe('launch spec: problems name their field', () => {
  it('asks for a key pair to be created before going on, and the same for an import', () => {
    expect(fields(draftOf({ type: 'set', patch: { keyMode: 'create' } }))).toEqual(['newKeyName']);
    expect(fields(draftOf({ type: 'set', patch: { keyMode: 'import' } }))).toEqual(['importName']);
  });

  it('checks volumes, RAID, count, tags and the name in the dialog’s words', () => {
    const draft = draftOf(
      { type: 'add-volume', volume: { sizeGb: 'big' } },
      {
        type: 'set',
        patch: { raid: true, mountPoint: 'data', count: '30', tags: 'oops', name: '-bad name' },
      },
    );
    const built = buildLaunchSpec(draft, context());
    expect(built.valid).toBe(false);
    expect(built.problems.map((p) => p.field).sort()).toEqual(
      ['count', 'name', 'raid', 'raid.mountPoint', 'tags', 'volumes.0.sizeGb'].sort(),
    );
    expect(built.problems.find((p) => p.field === 'raid.mountPoint')?.message).toBe(
      'An absolute path such as /data.',
    );
    expect(built.problems.find((p) => p.field === 'tags')?.message).toMatch(/is not key=value/);
  });

  it('needs a zone on Compute Engine, and launches there rather than in "global"', () => {
    const gcp = place({ cloud: 'gcp', location: 'global' });
    const ctx = context({ place: gcp, options: awsOptions({ cloud: 'gcp' }) });
    expect(fields(draftOf({ type: 'set-place-detail', patch: { zone: 'somewhere' } }), ctx)).toContain(
      'location',
    );
    expect(buildLaunchSpec(draftOf(), ctx).spec?.location).toBe('us-central1-a');
  });

  it('names every flavor unfit when none can take the image', () => {
    const options = awsOptions({
      flavors: awsOptions().flavors.map((f) => ({ ...f, unfitReason: 'too small' })),
    });
    expect(fields(draftOf(), context({ options }))).toEqual(['flavorId']);
  });

  it('drops a KMS key from a volume that is not encrypted', () => {
    const draft = draftOf({ type: 'add-volume', volume: { kmsKeyId: 'alias/x', encrypted: false } });
    expect(buildLaunchSpec(draft, context()).spec?.volumes).toEqual([
      { sizeGb: 100, type: null, encrypted: false, kmsKeyId: null },
    ]);
  });
});

describe('first-boot script preview', () => {
  it('stands in for the details not filled yet, but not for wrong storage fields', () => {
    const raid = draftOf(
      { type: 'add-volume' },
      { type: 'add-volume' },
      { type: 'set', patch: { raid: true, name: '', tags: 'not a tag' } },
    );
    const spec = scriptPreviewSpec(raid, context());
    expect(spec).toMatchObject({
      name: 'preview',
      raid: { level: '0', mountPoint: '/data', filesystem: 'ext4' },
    });
    expect(spec?.volumes).toHaveLength(2);
    const broken = launchReducer(raid, { type: 'set', patch: { mountPoint: 'relative/path' } });
    expect(scriptPreviewSpec(broken, context())).toBeNull();
  });
});
