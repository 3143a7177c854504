import { describe, expect, it } from 'vitest';
import { staleReasonOf } from '../../main/services/catalog-index';
import type { SourceRecord } from '../../main/stores/app-state';

const base: SourceRecord = {
  id: 'a.us-east-1.self',
  accountId: 'a',
  location: 'us-east-1',
  owner: 'self',
  imageCount: 10,
  lastSyncedAt: '2026-11-23T10:00:00.000Z',
  lastAttemptAt: '2026-11-23T10:00:00.000Z',
  lastError: null,
};
const at = (iso: string) => Date.parse(iso);

describe('source staleness', () => {
  it('is fresh right after a successful sync', () => {
    expect(staleReasonOf(base, at('2026-11-23T11:00:00Z'), 24)).toBeNull();
  });
  it('is stale once older than the threshold', () => {
    expect(staleReasonOf(base, at('2026-11-24T11:00:00Z'), 24)).toBe('Older than 24 hours.');
  });
  it('is stale when the last attempt failed after the last success', () => {
    const failed = {
      ...base,
      lastAttemptAt: '2026-11-23T10:30:00.000Z',
      lastError: { code: 'cloud-unreachable' as const, message: 'x' },
    };
    expect(staleReasonOf(failed, at('2026-11-23T10:31:00Z'), 24)).toMatch(/last sync failed/);
  });
  it('says when a source was never synced', () => {
    expect(
      staleReasonOf({ ...base, lastSyncedAt: null, lastAttemptAt: null }, at('2026-11-23T10:31:00Z'), 24),
    ).toBe('Not synced yet.');
  });
});
