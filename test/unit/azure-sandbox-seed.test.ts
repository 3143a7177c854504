import { describe, expect, it } from 'vitest';
import { AzureSandboxCatalog, compareVersions } from '../../main/sandbox/azure/azure-catalog';
import { seedMarketplace } from '../../main/sandbox/azure/marketplace-seed';

const reference = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

describe('Azure sandbox seed', () => {
  it('is deterministic and fast', () => {
    const started = performance.now();
    const catalog = new AzureSandboxCatalog('sub', ['westeurope', 'eastus'], reference);
    expect(performance.now() - started).toBeLessThan(200);
    expect(JSON.stringify(seedMarketplace(reference))).toBe(
      JSON.stringify(seedMarketplace(new Date(reference))),
    );
    expect(catalog.managedImages).toEqual(
      new AzureSandboxCatalog('sub', ['westeurope', 'eastus'], reference).managedImages,
    );
  });

  it('offers a few hundred Marketplace versions from the five publishers, unique by URN', () => {
    const versions = seedMarketplace(reference);
    expect(versions.length).toBeGreaterThanOrEqual(200);
    expect(versions.length).toBeLessThanOrEqual(400);
    expect(new Set(versions.map((v) => v.publisher))).toEqual(
      new Set(['Canonical', 'MicrosoftWindowsServer', 'RedHat', 'Debian', 'SUSE']),
    );
    const urns = versions.map((v) => `${v.publisher}:${v.offer}:${v.sku}:${v.version}`);
    expect(new Set(urns).size).toBe(urns.length);
    for (const v of versions) {
      expect(v.published.getTime()).toBeLessThan(reference.getTime());
      expect(v.published.getTime()).toBeGreaterThan(reference.getTime() - 3.1 * 365 * DAY);
    }
  });

  it('retires SKUs with dates and alternatives, and keeps most versions active', () => {
    const versions = seedMarketplace(reference);
    const focal = versions.filter((v) => v.offer === '0001-com-ubuntu-server-focal');
    expect(focal.filter((v) => v.imageState === 'ScheduledForDeprecation')).toHaveLength(6);
    expect(focal.every((v) => v.alternativeOption?.value === 'ubuntu-24_04-lts')).toBe(true);
    for (const v of focal.filter((f) => f.imageState === 'Deprecated')) {
      expect(v.scheduledDeprecationTime!.getTime()).toBeLessThan(reference.getTime());
    }
    const rhel7 = versions.filter((v) => v.sku === '7-lvm');
    expect(rhel7.every((v) => v.imageState === 'Deprecated' && v.alternativeOption?.type === 'Plan')).toBe(
      true,
    );
    const active = versions.filter((v) => v.imageState === 'Active').length;
    expect(active / versions.length).toBeGreaterThan(0.6);
  });

  it('lists versions in numeric order and looks names up without case', () => {
    const catalog = new AzureSandboxCatalog('sub', ['westeurope'], reference);
    const sku = catalog.sku('canonical', '0001-COM-UBUNTU-SERVER-JAMMY', '22_04-LTS-GEN2');
    expect(sku?.versions.length).toBeGreaterThan(5);
    const names = sku!.versions.map((v) => v.version);
    expect([...names].sort(compareVersions)).toEqual(names);
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
  });

  it('spreads gallery end-of-life dates from just past to a year ahead', () => {
    const catalog = new AzureSandboxCatalog('sub', ['westeurope', 'eastus'], reference);
    const versions = catalog.galleries[0]!.definitions.flatMap((d) => d.versions);
    expect(versions.length).toBeGreaterThanOrEqual(30);
    const ends = versions
      .map(
        (v) =>
          (v.properties as { publishingProfile: { endOfLifeDate?: string } }).publishingProfile.endOfLifeDate,
      )
      .filter((d): d is string => d !== undefined)
      .map((d) => Date.parse(d));
    expect(Math.min(...ends)).toBeLessThan(reference.getTime());
    expect(Math.min(...ends)).toBeGreaterThan(reference.getTime() - 32 * DAY);
    expect(Math.max(...ends)).toBeGreaterThan(reference.getTime() + 300 * DAY);
    expect(Math.max(...ends)).toBeLessThan(reference.getTime() + 366 * DAY);
  });
});
