import { describe, expect, it } from 'vitest';
import { classifyDrift, unknownDrift, worstDrift } from '../../../main/services/registry/drift-classify';
import { storedImage } from '../../support/stored-image';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const mapping = {
  cloudImageId: 'ami-0123456789abcdef0',
  imageName: 'ubuntu-noble-24.04-amd64-server-20240801',
  imageCreatedAt: '2024-08-01T00:00:00.000Z',
  imageArchitecture: 'x86_64',
};
const same = (change: Parameters<typeof storedImage>[0] = {}) =>
  storedImage({
    cloudId: mapping.cloudImageId,
    name: mapping.imageName,
    createdAt: mapping.imageCreatedAt,
    architecture: 'x86_64',
    state: 'available',
    deprecatesAt: null,
    deprecationState: null,
    ...change,
  });

describe('drift classification', () => {
  it.each([
    ['the same image', same(), 'ok'],
    ['no image', null, 'missing'],
    ['AWS deregistered', same({ state: 'deregistered' }), 'deregistered'],
    ['Glance killed', same({ state: 'killed' }), 'deregistered'],
    ['GCE DELETED state', same({ deprecationState: 'deleted' }), 'deregistered'],
    ['Glance deactivated', same({ state: 'deactivated' }), 'deprecated'],
    [
      'GCE DEPRECATED',
      same({ deprecationState: 'deprecated', replacement: 'projects/p/global/images/n2' }),
      'deprecated',
    ],
    ['a past deprecation date', same({ deprecatesAt: '2026-11-01T00:00:00.000Z' }), 'deprecated'],
    ['deprecation in 30 days', same({ deprecatesAt: '2026-12-23T00:00:00.000Z' }), 'deprecating-soon'],
    ['deprecation in 200 days', same({ deprecatesAt: '2027-06-11T00:00:00.000Z' }), 'ok'],
    ['a new name', same({ name: 'renamed' }), 'changed'],
    ['a rebuilt image', same({ createdAt: '2025-01-01T00:00:00.000Z' }), 'changed'],
    ['another architecture', same({ architecture: 'arm64' }), 'changed'],
  ] as const)('%s → %s', (_label, image, expected) => {
    expect(classifyDrift(mapping, image, NOW, 90).state).toBe(expected);
  });

  it('says what changed and what the cloud names as replacement', () => {
    expect(classifyDrift(mapping, same({ name: 'renamed' }), NOW, 90).detail).toContain(
      `"${mapping.imageName}" → "renamed"`,
    );
    const deprecated = classifyDrift(
      mapping,
      same({ deprecationState: 'deprecated', replacement: 'img-2' }),
      NOW,
      90,
    );
    expect(deprecated.detail).toContain('img-2');
  });

  it('the window decides what counts as soon', () => {
    const image = same({ deprecatesAt: '2026-12-23T00:00:00.000Z' });
    expect(classifyDrift(mapping, image, NOW, 7).state).toBe('ok');
    expect(classifyDrift(mapping, image, NOW, 31).state).toBe('deprecating-soon');
  });

  it('an unreachable cloud gives "unknown since" the last good check, never ok', () => {
    const drift = unknownDrift(
      {
        state: 'ok',
        checkedAt: '2026-11-01T00:00:00.000Z',
        lastConfirmedAt: '2026-11-01T00:00:00.000Z',
        detail: null,
      },
      NOW,
      'cannot reach the cloud',
    );
    expect(drift).toMatchObject({
      state: 'unknown',
      lastConfirmedAt: '2026-11-01T00:00:00.000Z',
      checkedAt: NOW.toISOString(),
    });
    expect(drift.detail).toContain('since 2026-11-01');
    expect(
      unknownDrift({ state: 'unchecked', checkedAt: null, lastConfirmedAt: null, detail: null }, NOW, 'x')
        .detail,
    ).toContain('never confirmed');
  });

  it('a record shows its worst mapping', () => {
    expect(worstDrift(['ok', 'deprecating-soon', 'unknown'])).toBe('deprecating-soon');
    expect(worstDrift(['ok', 'missing', 'deregistered'])).toBe('missing');
    expect(worstDrift(['ok', 'ok'])).toBe('ok');
  });
});

describe('architecture words', () => {
  it('counts aarch64 registered as arm64 as no change', () => {
    const arm = { ...mapping, imageArchitecture: 'arm64' };
    expect(classifyDrift(arm, same({ architecture: 'aarch64' }), NOW, 90).state).toBe('ok');
    expect(classifyDrift(arm, same({ architecture: 'x86_64' }), NOW, 90).state).toBe('changed');
  });
});
