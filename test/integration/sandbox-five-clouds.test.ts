import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type CoreHarness } from '../support/core-harness';

let hangar: CoreHarness;

beforeAll(async () => {
  hangar = await startCore({ sandbox: true });
  await hangar.core.sync.idle();
});

afterAll(async () => {
  await hangar.close();
});

describe('the embedded sandbox', () => {
  it('runs a stand-in of every cloud, with a built-in account each, all synced on first start', async () => {
    const info = await hangar.call('app:info', {});
    expect([...info.sandbox.clouds].sort()).toEqual(['aws', 'azure', 'gcp', 'openstack', 'vmware']);
    const accounts = await hangar.call('accounts:list', {});
    expect(accounts.map((account) => account.cloud).sort()).toEqual([
      'aws',
      'azure',
      'gcp',
      'openstack',
      'vmware',
    ]);
    expect(accounts.every((account) => account.kind === 'sandbox' && account.credentials === 'sandbox')).toBe(
      true,
    );

    const sources = await hangar.call('catalog:sources', {});
    const failed = sources.filter((source) => source.lastError !== null);
    expect(failed.map((source) => `${source.id}: ${source.lastError?.message}`)).toEqual([]);
    for (const cloud of ['aws', 'gcp', 'azure', 'openstack', 'vmware'] as const) {
      const page = await hangar.call('catalog:query', { filters: { clouds: [cloud] }, limit: 1 });
      expect(page.total, cloud).toBeGreaterThan(20);
      expect(page.rows[0]?.cloud).toBe(cloud);
    }
  });
});
