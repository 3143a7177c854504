import { describe, expect, it } from 'vitest';
import {
  canSee,
  comparator,
  listable,
  pageAfter,
  type SandboxGlanceImage,
} from '../../main/sandbox/openstack/glance-query';
import { OpenStackFaultInjector } from '../../main/sandbox/openstack/openstack-faults';
import { SANDBOX_PROJECTS } from '../../main/sandbox/openstack/sandbox-identity';
import { seedOpenStackImages } from '../../main/sandbox/openstack/seed-openstack';

const reference = new Date('2026-06-01T12:00:00Z');
const demo = { projectId: SANDBOX_PROJECTS.demo.id, isAdmin: false };
const regionOne = (): SandboxGlanceImage[] =>
  seedOpenStackImages(['RegionOne', 'RegionTwo'], reference).get('RegionOne') ?? [];

describe('OpenStack stand-in seed', () => {
  it('is deterministic for a reference date, and fast', () => {
    const started = performance.now();
    const first = seedOpenStackImages(['RegionOne', 'RegionTwo'], reference);
    expect(performance.now() - started).toBeLessThan(200);
    const again = seedOpenStackImages(['RegionOne', 'RegionTwo'], reference);
    expect([...again.get('RegionOne')!].map((i) => i.wire)).toEqual(
      [...first.get('RegionOne')!].map((i) => i.wire),
    );
    const other = seedOpenStackImages(['RegionOne'], new Date('2026-07-01T12:00:00Z'));
    expect(other.get('RegionOne')![0]!.wire.id).not.toBe(first.get('RegionOne')![0]!.wire.id);
  });

  it('looks like a private cloud: UUIDs, every distribution, every visibility and state', () => {
    const images = regionOne();
    expect(images.length).toBeGreaterThan(120);
    for (const image of images) {
      expect(image.wire.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Date.parse(image.wire.created_at)).toBeLessThanOrEqual(reference.getTime());
      expect(Date.parse(image.wire.created_at)).toBeGreaterThan(reference.getTime() - 3.1 * 365 * 86_400_000);
      for (const [key, value] of Object.entries(image.wire)) {
        // Glance stores user properties as strings only.
        if (
          ![
            'size',
            'virtual_size',
            'min_ram',
            'min_disk',
            'protected',
            'os_hidden',
            'tags',
            'checksum',
            'os_hash_algo',
            'os_hash_value',
          ].includes(key)
        )
          expect(typeof value, key).toBe('string');
      }
    }
    expect(new Set(images.map((i) => i.wire.id)).size).toBe(images.length);
    const distros = new Set(images.map((i) => String(i.wire.os_distro ?? '').toLowerCase()));
    for (const d of ['ubuntu', 'debian', 'centos', 'rocky', 'almalinux', 'fedora', 'windows', 'freebsd'])
      expect(distros).toContain(d);
    const raw = new Set(images.map((i) => i.wire.os_distro));
    expect(raw).toContain('FreeBSD');
    expect(raw).toContain('Freebsd');
    expect(new Set(images.map((i) => i.wire.visibility))).toEqual(
      new Set(['public', 'private', 'shared', 'community']),
    );
    expect(new Set(images.map((i) => i.wire.status))).toEqual(
      new Set(['active', 'deactivated', 'queued', 'importing', 'killed']),
    );
    expect(images.some((i) => i.wire.protected)).toBe(true);
    expect(images.some((i) => i.wire.os_hidden)).toBe(true);
    expect(images.some((i) => typeof i.wire.hangar_deprecates_at === 'string')).toBe(true);
    const queued = images.find((i) => i.wire.status === 'queued');
    expect(queued?.wire).toMatchObject({ size: null, checksum: null, os_hash_value: null });
  });

  it('applies Glance visibility rules for the demo project', () => {
    const images = regionOne();
    const defaults = images.filter((i) => listable(i, demo, undefined, 'accepted'));
    const all = images.filter((i) => listable(i, demo, 'all', 'accepted'));
    const communityOfOthers = all.filter(
      (i) => i.wire.visibility === 'community' && i.wire.owner !== demo.projectId,
    );
    expect(communityOfOthers.length).toBeGreaterThan(0);
    expect(defaults.some((i) => communityOfOthers.includes(i))).toBe(false);
    const pending = images.find((i) => i.members.get(demo.projectId) === 'pending')!;
    expect(listable(pending, demo, 'all', 'accepted')).toBe(false);
    expect(listable(pending, demo, 'all', 'all')).toBe(true);
    expect(canSee(pending, demo)).toBe(true);
    const otherPrivate = images.find((i) => i.wire.name === 'ds-scratch-gpu')!;
    expect(canSee(otherPrivate, demo)).toBe(false);
    expect(listable(otherPrivate, demo, 'all', 'all')).toBe(false);
    expect(listable(otherPrivate, { projectId: 'x', isAdmin: true }, 'all', 'all')).toBe(true);
  });

  it('pages by keyset after a marker, newest first, id breaking ties', () => {
    const images = regionOne();
    const compare = comparator(['created_at'], ['desc']);
    const sorted = [...images].sort(compare);
    const first = pageAfter(sorted, null, compare, 10);
    const second = pageAfter(sorted, first[9]!, compare, 10);
    expect(second[0]).toBe(sorted[10]);
    expect(first[0]!.wire.created_at >= first[9]!.wire.created_at).toBe(true);
    // A marker that is no longer in the filtered list still positions the page.
    const gone = sorted[15]!;
    expect(
      pageAfter(
        sorted.filter((i) => i !== gone),
        gone,
        compare,
        1,
      )[0],
    ).toBe(sorted[16]);
  });
});

describe('OpenStack fault injector', () => {
  it('serves faults in order, to matching requests only', () => {
    const faults = new OpenStackFaultInjector();
    faults.add({ kind: 'repeated-marker' });
    faults.add({ kind: 'throttle-429', target: 'keystone-auth', times: 2 });
    faults.add({ kind: 'forbidden-403', target: 'glance' });
    expect(faults.pending()).toBe(4);
    expect(faults.take({ target: 'glance-list', hasMarker: false })?.kind).toBe('forbidden-403');
    expect(faults.take({ target: 'glance-list', hasMarker: false })).toBeNull();
    expect(faults.take({ target: 'glance-list', hasMarker: true })?.kind).toBe('repeated-marker');
    expect(faults.take({ target: 'keystone-auth', hasMarker: false })?.kind).toBe('throttle-429');
    expect(faults.take({ target: 'keystone-auth', hasMarker: false })?.kind).toBe('throttle-429');
    expect(faults.pending()).toBe(0);
    expect(() => faults.add({ kind: 'latency' })).toThrow(/ms/);
  });
});
