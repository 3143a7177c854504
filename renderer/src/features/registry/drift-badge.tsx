import type { DriftState, MappingDrift, RegistryRecord } from '@contract/index';
import { formatDateTime, formatDay } from '../../lib/format';
import { DRIFT_HINT, DRIFT_TONE, driftWords, recordDriftWords } from './model/drift-text';

function Badge({ state, words, title }: { state: DriftState; words: string; title: string }) {
  return (
    <span className={`drift-badge drift-${DRIFT_TONE[state]}`} title={title}>
      {words}
    </span>
  );
}

/** One mapping's drift: its words ("missing", "unknown since 2024-05-01"), the details on hover. */
export function MappingDriftBadge({ drift }: { drift: MappingDrift }) {
  const checked = drift.checkedAt ? ` Checked ${formatDateTime(drift.checkedAt)}.` : '';
  const detail = drift.detail ? ` ${drift.detail}` : '';
  return (
    <Badge
      state={drift.state}
      words={driftWords(drift.state, drift.lastConfirmedAt, formatDay)}
      title={`${DRIFT_HINT[drift.state]}${detail}${checked}`}
    />
  );
}

/** A record's worst drift over its mappings, as the registry table shows it. */
export function RecordDriftBadge({ record }: { record: Pick<RegistryRecord, 'drift' | 'mappings'> }) {
  return (
    <Badge
      state={record.drift}
      words={recordDriftWords(record, formatDay)}
      title={DRIFT_HINT[record.drift]}
    />
  );
}
