import { describe, expect, it } from 'vitest';
import { RegisterRequestSchema, RegistryListRequestSchema, UpdateRecordRequestSchema } from '@contract/index';
import { EventBus } from '../../../main/app/event-bus';
import { ServiceError } from '../../../main/ipc/app-error';
import {
  AWS_ACCOUNT,
  launch,
  OTHER_WS,
  PROD,
  recordFields,
  registryService,
  registryState,
  STAGING,
  WS,
} from './registry-fixture';

const register = (
  extra: Record<string, unknown> = {},
  cloudImageId = 'ami-0123456789abcdef0',
  location = 'us-east-1',
) =>
  RegisterRequestSchema.parse({
    workspaceId: WS,
    target: { accountId: AWS_ACCOUNT, location, cloudImageId },
    record: recordFields,
    ...extra,
  });
const list = (environmentId: string | null, workspaceId = WS) =>
  RegistryListRequestSchema.parse({ workspaceId, environmentId });

async function thrown(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('registry records', () => {
  it('registers a record with its OS family normalised, owner, history and a change event', async () => {
    const bus = new EventBus();
    const events: unknown[] = [];
    bus.subscribe((name, payload) => events.push([name, payload]));
    const service = registryService(registryState(), bus);
    const record = await service.register(register({ record: { ...recordFields, osFamily: 'FreeBSD' } }));
    expect(record).toMatchObject({
      osFamily: 'freebsd',
      owner: 'alice',
      access: 'private',
      shared: true,
      drift: 'ok',
    });
    expect(record.mappings).toHaveLength(1);
    expect(record.mappings[0]).toMatchObject({
      accountName: 'Acme AWS',
      cloudImageId: 'ami-0123456789abcdef0',
    });
    expect(service.get(WS, record.id).history.map((h) => h.action)).toEqual(['registered']);
    expect(events).toEqual([['registry:changed', { workspaceId: WS }]]);
  });

  it('refuses a second record for an image already registered, and adds another location to the first', async () => {
    const service = registryService(registryState());
    const first = await service.register(register());
    const duplicate = await thrown(service.register(register({ record: { ...recordFields, name: 'copy' } })));
    expect(duplicate.code).toBe('conflict');
    expect(duplicate.message).toContain('Ubuntu 24.04 base');
    const added = await service.register(
      RegisterRequestSchema.parse({
        workspaceId: WS,
        target: { accountId: AWS_ACCOUNT, location: 'eu-west-1', cloudImageId: 'ami-0fedcba9876543210' },
        addToRecordId: first.id,
      }),
    );
    expect(added.id).toBe(first.id);
    expect(added.mappings.map((m) => m.location)).toEqual(['us-east-1', 'eu-west-1']);
    const sameLocation = await thrown(
      service.register(
        RegisterRequestSchema.parse({
          workspaceId: WS,
          target: { accountId: AWS_ACCOUNT, location: 'eu-west-1', cloudImageId: 'ami-0aaaaaaaaaaaaaaaa' },
          addToRecordId: first.id,
        }),
      ),
    );
    expect(sameLocation.message).toContain('remove that mapping first');
  });

  it('keeps an edit, an alias rename and a bulk tag in the history, and reports no-op edits as nothing', async () => {
    const service = registryService(registryState());
    const record = await service.register(register());
    await service.update({
      workspaceId: WS,
      recordId: record.id,
      changes: { alias: 'Noble base', labelColor: 'green' },
    });
    await service.update({ workspaceId: WS, recordId: record.id, changes: { alias: 'Noble base' } });
    const second = await service.register(
      register({ record: { ...recordFields, name: 'other' } }, 'ami-0bbbbbbbbbbbbbbbb'),
    );
    const tagged = await service.bulkTag({
      workspaceId: WS,
      recordIds: [record.id, second.id],
      set: { team: 'web', cost: 'cc-12' },
      remove: [],
    });
    expect(tagged.updated).toBe(2);
    const detail = service.get(WS, record.id);
    expect(detail).toMatchObject({
      alias: 'Noble base',
      labelColor: 'green',
      tags: { team: 'web', cost: 'cc-12' },
    });
    expect(detail.history.map((h) => h.action)).toEqual(['tagged', 'edited', 'registered']);
    expect(detail.history[1]!.summary).toContain('alias "Ubuntu 24.04 base" → "Noble base"');
    await service.bulkTag({ workspaceId: WS, recordIds: [record.id], set: {}, remove: ['cost'] });
    expect(service.get(WS, record.id).tags).toEqual({ team: 'web' });
  });

  it('never lets a request reach another workspace’s record', async () => {
    const service = registryService(registryState());
    const record = await service.register(register());
    expect((await thrown(Promise.resolve().then(() => service.get(OTHER_WS, record.id)))).code).toBe(
      'not-found',
    );
    const other = await thrown(
      service.update({ workspaceId: OTHER_WS, recordId: record.id, changes: { alias: 'x' } }),
    );
    expect(other.code).toBe('not-found');
    expect(service.list(list(null, OTHER_WS))).toEqual([]);
  });
});

describe('scope sharing', () => {
  it('offers a shared workspace record to every environment, an unshared one to none, an environment record only there', async () => {
    const service = registryService(registryState());
    const shared = await service.register(register());
    const unshared = await service.register(
      register(
        { record: { ...recordFields, name: 'kept-up' }, scope: { environmentId: null, shared: false } },
        'ami-0cccccccccccccccc',
      ),
    );
    const prodOnly = await service.register(
      register(
        { record: { ...recordFields, name: 'prod-only' }, scope: { environmentId: PROD, shared: true } },
        'ami-0dddddddddddddddd',
      ),
    );
    const names = (env: string | null) =>
      service
        .list(list(env))
        .map((r) => r.name)
        .sort();
    expect(names(null)).toEqual([shared.name, unshared.name].sort());
    expect(names(PROD)).toEqual([shared.name, prodOnly.name].sort());
    expect(names(STAGING)).toEqual([shared.name]);
    // An environment record has nothing below it to share with.
    expect(prodOnly.shared).toBe(false);
    expect(prodOnly.environmentName).toBe('prod');
  });
});

describe('delete', () => {
  it('is refused while a launch or server uses one of the images, with the users listed; allowed once terminated', async () => {
    const state = registryState();
    const service = registryService(state);
    const record = await service.register(register());
    await state.update((draft) => {
      draft.launches.push(launch({ id: 'l-1', serverName: 'web-1', serverId: 'i-01' }));
      draft.launches.push(
        launch({
          id: 'l-2',
          serverName: 'web-2',
          serverId: null,
          serverState: 'pending',
          state: 'launching',
          recordId: record.id,
          imageId: 'ami-elsewhere',
        }),
      );
      draft.launches.push(
        launch({ id: 'l-3', serverName: 'old', serverState: 'terminated', state: 'terminated' }),
      );
      draft.launches.push(launch({ id: 'l-4', serverName: 'other-client', workspaceId: OTHER_WS }));
    });
    const refused = await service.delete(WS, record.id);
    expect(refused.deleted).toBe(false);
    expect(refused.usedBy.map((u) => [u.kind, u.name]).sort()).toEqual([
      ['launch', 'web-2'],
      ['server', 'web-1'],
    ]);
    const mappingRefused = await thrown(
      service.removeMapping({ workspaceId: WS, recordId: record.id, mappingId: record.mappings[0]!.id }),
    );
    expect(mappingRefused.message).toContain('"web-1"');
    await state.update((draft) => {
      for (const l of draft.launches) for (const server of l.servers) server.state = 'terminated';
    });
    expect(await service.delete(WS, record.id)).toEqual({ deleted: true, usedBy: [] });
    expect(service.list(list(null))).toEqual([]);
  });

  it('hides a record set to access "deleted" from lists that exclude them, keeping it', async () => {
    const service = registryService(registryState());
    const record = await service.register(register());
    await service.update({ workspaceId: WS, recordId: record.id, changes: { access: 'deleted' } });
    expect(service.list(RegistryListRequestSchema.parse({ workspaceId: WS, includeDeleted: false }))).toEqual(
      [],
    );
    expect(service.list(list(null))[0]).toMatchObject({ access: 'deleted' });
    expect(service.get(WS, record.id).history[0]!.action).toBe('access-deleted');
  });
});

describe('partial edits', () => {
  it('change only the fields they name', async () => {
    const service = registryService(registryState());
    const record = await service.register(
      RegisterRequestSchema.parse({
        workspaceId: WS,
        target: { accountId: AWS_ACCOUNT, location: 'us-east-1', cloudImageId: 'ami-0123456789abcdef0' },
        record: {
          ...recordFields,
          version: '2024.08',
          tags: { team: 'web' },
          agentInstalled: true,
          access: 'public',
        },
      }),
    );
    const request = UpdateRecordRequestSchema.parse({
      workspaceId: WS,
      recordId: record.id,
      changes: { labelColor: 'green' },
    });
    expect(Object.keys(request.changes)).toEqual(['labelColor']);
    const updated = await service.update(request);
    expect(updated).toMatchObject({
      labelColor: 'green',
      alias: recordFields.alias,
      version: '2024.08',
      tags: { team: 'web' },
      agentInstalled: true,
      access: 'public',
    });
  });
});

describe('replacing a mapping', () => {
  it('maps a new image in place of the one for the same account and location, only when asked', async () => {
    const state = registryState();
    const service = registryService(state);
    const record = await service.register(register());
    const replacement = {
      workspaceId: WS,
      target: { accountId: AWS_ACCOUNT, location: 'us-east-1', cloudImageId: 'ami-0eeeeeeeeeeeeeeee' },
      addToRecordId: record.id,
    };
    const refused = await thrown(service.register(RegisterRequestSchema.parse(replacement)));
    expect(refused.message).toContain('replace it, or remove that mapping first');
    await state.update((draft) => {
      draft.launches.push(launch({ id: 'l-old', serverName: 'still-on-old' }));
    });
    const replaced = await service.register(
      RegisterRequestSchema.parse({ ...replacement, replaceExisting: true }),
    );
    expect(replaced.mappings.map((m) => m.cloudImageId)).toEqual(['ami-0eeeeeeeeeeeeeeee']);
    const entry = service.get(WS, record.id).history[0]!;
    expect(entry.action).toBe('mapping-replaced');
    expect(entry.summary).toContain(
      'Replaced ami-0123456789abcdef0 with ami-0eeeeeeeeeeeeeeee in us-east-1. 1 server(s) still run from the old image.',
    );
  });
});
