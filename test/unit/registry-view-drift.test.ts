import { describe, expect, it } from 'vitest';
import type { DriftRow, DriftState, RegistryMapping } from '@contract/index';
import {
  driftSummaryText,
  driftWords,
  isDrifted,
  needsAttention,
  recordDriftWords,
  summarizeDrift,
  unknownSince,
} from '../../renderer/src/features/registry/model/drift-text';

function mapping(state: DriftState, lastConfirmedAt: string | null = null): RegistryMapping {
  return {
    id: `map-${state}-${lastConfirmedAt ?? 'never'}`,
    cloud: 'aws',
    accountId: 'acc-1',
    accountName: 'Prod',
    location: 'eu-west-1',
    cloudImageId: 'ami-0123456789abcdef0',
    computeResource: null,
    imageName: 'ubuntu-22.04',
    imageCreatedAt: null,
    ownerId: '099720109477',
    ownedByAccount: false,
    registeredAt: '2024-01-01T12:00:00Z',
    drift: { state, checkedAt: null, lastConfirmedAt, detail: null },
  };
}

/** The test's own day format: the UTC date, so the assertions do not depend on the machine's zone. */
const day = (iso: string) => iso.slice(0, 10);

const row = (state: DriftState): DriftRow => ({
  recordId: 'img-1',
  recordName: 'web',
  mapping: mapping(state),
});

describe('drift badge words', () => {
  it('says the state itself for every known state', () => {
    expect(driftWords('missing', null, day)).toBe('missing');
    expect(driftWords('ok', '2024-05-01T12:00:00Z', day)).toBe('ok');
    expect(driftWords('deprecating-soon', null, day)).toBe('deprecating-soon');
  });

  it('never says ok for an unknown state: it says since when it is unknown', () => {
    expect(driftWords('unknown', '2024-05-01T12:00:00Z', day)).toBe('unknown since 2024-05-01');
    expect(driftWords('unknown', null, day)).toBe('unknown since never');
  });

  it('dates a record that is unknown by its oldest unconfirmed mapping', () => {
    const mappings = [
      mapping('unknown', '2024-06-01T12:00:00Z'),
      mapping('unknown', '2024-03-01T12:00:00Z'),
      mapping('ok', '2024-07-01T12:00:00Z'),
    ];
    expect(unknownSince(mappings)).toBe('2024-03-01T12:00:00Z');
    expect(recordDriftWords({ drift: 'unknown', mappings }, day)).toBe('unknown since 2024-03-01');
  });

  it('says never when one unknown mapping was never confirmed', () => {
    const mappings = [mapping('unknown', '2024-06-01T12:00:00Z'), mapping('unknown', null)];
    expect(recordDriftWords({ drift: 'unknown', mappings }, day)).toBe('unknown since never');
  });

  it('ignores the dates of mappings that are not unknown', () => {
    expect(
      recordDriftWords({ drift: 'missing', mappings: [mapping('missing', '2024-01-01T12:00:00Z')] }, day),
    ).toBe('missing');
  });
});

describe('what counts as drift', () => {
  it('counts moved images as drifted, and unknown only as needing attention', () => {
    expect(isDrifted('changed')).toBe(true);
    expect(isDrifted('unknown')).toBe(false);
    expect(isDrifted('unchecked')).toBe(false);
    expect(needsAttention('unknown')).toBe(true);
    expect(needsAttention('ok')).toBe(false);
    expect(needsAttention('unchecked')).toBe(false);
  });

  it('summarises a check as "n of m mappings drifted", naming the unknown ones', () => {
    const rows = [row('ok'), row('missing'), row('deprecated'), row('changed'), row('ok')];
    expect(driftSummaryText(summarizeDrift(rows))).toBe('3 of 5 mappings drifted');
    const offline = summarizeDrift([row('unknown'), row('ok'), row('missing')]);
    expect(offline).toEqual({ total: 3, drifted: 1, unknown: 1 });
    expect(driftSummaryText(offline)).toBe(
      '1 of 3 mappings drifted; 1 unknown (the cloud could not be reached)',
    );
    expect(driftSummaryText(summarizeDrift([row('ok')]))).toBe('0 of 1 mapping drifted');
  });
});
