import { describe, expect, it } from 'vitest';
import { GcpCatalog } from '../../main/sandbox/gcp';
import { compileListFilter } from '../../main/sandbox/gcp/gcp-list-filter';
import { pacificTimestamp } from '../../main/sandbox/gcp/gcp-seed-builder';

const REFERENCE = new Date('2026-11-23T12:00:00Z');
const OWN = 'hangar-sandbox-demo';
/** GCE names: lowercase letters, digits and hyphens, 1–63 characters, starting with a letter. */
const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

describe('the Compute stand-in catalog', () => {
  it('is deterministic, realistic in size, and fast to build', () => {
    const started = performance.now();
    const all = new GcpCatalog(REFERENCE, [OWN]).all();
    expect(performance.now() - started).toBeLessThan(200);
    expect(all.length).toBeGreaterThan(900);
    expect(all.length).toBeLessThanOrEqual(1500);
    const again = new GcpCatalog(REFERENCE, [OWN]).all();
    expect(again.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const image of all) {
      expect(image.name).toMatch(NAME);
      expect(image.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-0[78]:00$/);
      expect(Date.parse(image.creationTimestamp)).toBeLessThanOrEqual(REFERENCE.getTime());
      expect(Date.parse(image.creationTimestamp)).toBeGreaterThan(
        REFERENCE.getTime() - 3.1 * 365 * 86_400_000,
      );
    }
  });

  it('keeps each public family’s newest build active and retires the rest toward it', () => {
    const catalog = new GcpCatalog(REFERENCE, [OWN]);
    for (const project of [
      'debian-cloud',
      'ubuntu-os-cloud',
      'rhel-cloud',
      'rocky-linux-cloud',
      'windows-cloud',
      'cos-cloud',
    ]) {
      const images = catalog.images(project);
      const families = new Set(images.map((i) => i.family));
      expect(families.size, project).toBeGreaterThanOrEqual(4);
      for (const family of families) {
        const builds = images
          .filter((i) => i.family === family)
          .sort((a, b) => Date.parse(a.creationTimestamp) - Date.parse(b.creationTimestamp));
        expect(builds.length, `${project}/${family}`).toBeGreaterThanOrEqual(2);
        const newest = builds.at(-1)!;
        const retired = builds.slice(0, -1);
        for (const old of retired) expect(old.deprecated?.state).toMatch(/^(DEPRECATED|OBSOLETE)$/);
        if (newest.deprecated === undefined || newest.deprecated.state === 'ACTIVE') {
          expect(catalog.latestInFamily(project, family!)?.name).toBe(newest.name);
          for (const old of retired) expect(old.deprecated?.replacement).toBe(newest.selfLink);
        } else {
          // End of support passed: the whole family is retired and getFromFamily finds nothing.
          expect(catalog.latestInFamily(project, family!)).toBeUndefined();
        }
      }
    }
    expect(catalog.latestInFamily('debian-cloud', 'debian-10')).toBeUndefined();
    expect(catalog.image('debian-cloud', 'debian-10-buster-v20240603')?.deprecated?.replacement).toMatch(
      /debian-11-bullseye-v/,
    );
  });

  it('seeds the demo project with pending, failed, labelled and legacy images', () => {
    const own = new GcpCatalog(REFERENCE, [OWN]).images(OWN);
    expect(new Set(own.map((i) => i.status))).toEqual(new Set(['READY', 'PENDING', 'FAILED']));
    expect(own.some((i) => i.architecture === 'ARM64')).toBe(true);
    expect(own.every((i) => i.labels && Object.keys(i.labels).length > 0)).toBe(true);
    expect(own.find((i) => i.name.startsWith('legacy-crm'))?.deprecated?.state).toBe('OBSOLETE');
  });

  it('prints Pacific time with the daylight-saving offset', () => {
    expect(pacificTimestamp(new Date('2024-08-15T17:23:45.123Z'))).toBe('2024-08-15T10:23:45.123-07:00');
    expect(pacificTimestamp(new Date('2024-01-15T17:23:45.123Z'))).toBe('2024-01-15T09:23:45.123-08:00');
  });
});

describe('compileListFilter', () => {
  const image = {
    name: 'debian-12-bookworm-v20240815',
    family: 'debian-12',
    architecture: 'X86_64',
    labels: { env: 'prod' },
    deprecated: { state: 'DEPRECATED' },
  };

  it('matches Compute’s expression forms', () => {
    expect(compileListFilter('family = "debian-12"')(image)).toBe(true);
    expect(compileListFilter('name = debian-12-*')(image)).toBe(true);
    expect(compileListFilter('name != debian-12-*')(image)).toBe(false);
    expect(compileListFilter("name eq 'debian-1[0-9]-.*'")(image)).toBe(true);
    expect(compileListFilter('labels.env:*')(image)).toBe(true);
    expect(compileListFilter('labels.team:*')(image)).toBe(false);
    expect(compileListFilter('(family = debian-12) (deprecated.state = DEPRECATED)')(image)).toBe(true);
    expect(compileListFilter('(family = debian-11) OR (architecture = X86_64)')(image)).toBe(true);
    expect(compileListFilter('(family = debian-11) AND (architecture = X86_64)')(image)).toBe(false);
    expect(compileListFilter(null)(image)).toBe(true);
  });

  it('refuses what it cannot parse, as Compute does', () => {
    for (const bad of ['family', '(family = x', 'family ~ x', "name eq '('"]) {
      expect(() => compileListFilter(bad)).toThrow(
        /Invalid list filter expression|Invalid value for field 'filter'/,
      );
    }
  });
});
