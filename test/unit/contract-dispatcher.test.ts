import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { channelNames, channels } from '@contract/index';
import { Dispatcher, type ChannelHandlers } from '../../main/ipc/dispatcher';
import { ServiceError } from '../../main/ipc/app-error';

const connection = { accessKeyId: 'AKIAEXAMPLE000000001', regions: ['us-east-1'], owners: ['amazon'] };
const secret = { secretAccessKey: 'generated-test-secret-0123456789abcdefghij' };
const request = (change: { name?: string; connection?: object; extra?: object } = {}) => ({
  name: change.name ?? 'Client A prod',
  storage: 'keychain',
  account: { cloud: 'aws', connection: { ...connection, ...change.connection }, secret },
  ...change.extra,
});
const gcpAccount = {
  cloud: 'gcp',
  connection: { projectId: 'My_Project', imageProjects: [] },
  secret: { kind: 'access-token', accessToken: 'generated-token-000' },
};

function dispatcherWith(overrides: Partial<ChannelHandlers>): Dispatcher {
  const missing = () => Promise.reject(new Error('not under test'));
  const handlers = Object.fromEntries(channelNames.map((name) => [name, overrides[name] ?? missing]));
  return new Dispatcher(handlers as ChannelHandlers, { error: vi.fn(), warn: vi.fn(), info: vi.fn() });
}

describe('contract validation at the dispatcher', () => {
  it('refuses an unknown channel', async () => {
    const result = await dispatcherWith({}).dispatch('fs:read', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Unknown channel "fs:read".' },
    });
  });

  it.each([
    [
      'a region that is not one',
      request({ connection: { regions: ['mars-1'] } }),
      'connection.regions.0: must be an AWS region',
    ],
    ['no regions', request({ connection: { regions: [] } }), 'regions: choose at least one region'],
    [
      'a malformed owner',
      request({ connection: { owners: ['canonical'] } }),
      'owners.0: must be self, amazon',
    ],
    [
      'a lowercase access key id',
      request({ connection: { accessKeyId: 'akia1234' } }),
      'accessKeyId: must be 16 to 128',
    ],
    [
      'an endpoint that is not http(s)',
      request({ connection: { endpoint: 'file:///etc/passwd' } }),
      'endpoint: must be an http',
    ],
    ['an extra field', request({ extra: { isAdmin: true } }), 'Unrecognized key'],
    ['an empty name', request({ name: '   ' }), 'name: give the account a name'],
    [
      'an unknown cloud',
      { ...request(), account: { cloud: 'ibm', connection: {}, secret: {} } },
      'account.cloud',
    ],
    [
      'a GCP project id with capitals',
      { ...request(), account: gcpAccount },
      'projectId: must be a project id',
    ],
  ])('rejects %s with a clear message and never calls the service', async (_label, payload, message) => {
    const add = vi.fn();
    const result = await dispatcherWith({ 'accounts:add': add }).dispatch('accounts:add', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toContain(message);
    expect(add).not.toHaveBeenCalled();
  });

  it('rejects a catalog page larger than 500 rows', async () => {
    const result = await dispatcherWith({}).dispatch('catalog:query', { limit: 5000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('applies defaults before the handler sees the request', async () => {
    const query = vi.fn().mockResolvedValue({ rows: [], offset: 0, total: 0, catalogSize: 0 });
    await dispatcherWith({ 'catalog:query': query }).dispatch('catalog:query', {
      workspaceId: 'default',
      search: 'noble',
    });
    expect(query).toHaveBeenCalledWith(
      expect.objectContaining({
        search: 'noble',
        offset: 0,
        limit: 100,
        sort: { column: 'createdAt', direction: 'desc' },
      }),
    );
  });

  it('maps a service error to its code and message', async () => {
    const remove = vi.fn().mockRejectedValue(new ServiceError('not-found', 'That account no longer exists.'));
    const result = await dispatcherWith({ 'accounts:remove': remove }).dispatch('accounts:remove', {
      accountId: 'aws-1',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That account no longer exists.' },
    });
  });

  it('never echoes an unexpected error text to the renderer', async () => {
    const list = vi.fn().mockRejectedValue(new Error('ENOENT /home/someone/.hangar/state.json secret=abc'));
    const result = await dispatcherWith({ 'accounts:list': list }).dispatch('accounts:list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toMatch(/ENOENT|secret|home/);
  });

  it('strips fields a handler returns beyond the response schema', async () => {
    const account = {
      id: 'aws-1',
      cloud: 'aws',
      name: 'A',
      kind: 'user',
      locations: ['us-east-1'],
      scopes: ['self'],
      identity: '…0001',
      endpoint: null,
      credentials: 'keychain',
      createdAt: '2026-11-23T10:00:00.000Z',
      secretAccessKey: 'must-not-leave-main',
    };
    const list = vi.fn().mockResolvedValue([account]);
    const result = await dispatcherWith({ 'accounts:list': list }).dispatch('accounts:list', {});
    expect(JSON.stringify(result)).not.toContain('must-not-leave-main');
  });
});

describe('the contract never returns a secret', () => {
  const secretLike = /secret|password|token|privatekey/i;

  function keysOf(schema: z.ZodType, path: string[] = []): string[] {
    const def = (schema as unknown as { def: Record<string, unknown> }).def;
    const type = def.type as string;
    if (type === 'object') {
      const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, child]) => [
        [...path, key].join('.'),
        ...keysOf(child, [...path, key]),
      ]);
    }
    const inner = (def.element ?? def.innerType ?? def.in) as z.ZodType | undefined;
    if (inner) return keysOf(inner, path);
    if (type === 'union') return (def.options as z.ZodType[]).flatMap((option) => keysOf(option, path));
    return [];
  }

  it.each(channelNames)('%s response schema names no secret-like field', (name) => {
    const keys = keysOf(channels[name].response);
    expect(keys.filter((key) => secretLike.test(key))).toEqual([]);
  });

  it('walks nested objects (the check itself can fail)', () => {
    const leaky = z.object({ account: z.array(z.object({ secretAccessKey: z.string() })) });
    expect(keysOf(leaky)).toContain('account.secretAccessKey');
  });
});
