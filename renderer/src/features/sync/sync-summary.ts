import type { SourceProgress, SyncSnapshot } from '@contract/index';

export interface SyncSummary {
  total: number;
  /** Sources no longer queued or running (including failed and cancelled ones). */
  finished: number;
  /** Sources that completed, successfully or not (not cancelled). */
  completed: number;
  failed: number;
  images: number;
  /** 0…1; sources are the unit because page counts are unknown up front. */
  fraction: number;
  /** Some source could not reach the cloud: the cache is still usable, say so. */
  unreachable: boolean;
}

const FINISHED: SourceProgress['state'][] = ['done', 'failed', 'cancelled'];

export function summarize(snapshot: SyncSnapshot): SyncSummary {
  const total = snapshot.sources.length;
  const finished = snapshot.sources.filter((s) => FINISHED.includes(s.state)).length;
  const failed = snapshot.sources.filter((s) => s.state === 'failed').length;
  const completed = snapshot.sources.filter((s) => s.state === 'done' || s.state === 'failed').length;
  const images = snapshot.sources.reduce((sum, s) => sum + s.imageCount, 0);
  const fraction =
    snapshot.state === 'done'
      ? 1
      : total === 0
        ? 0
        : (snapshot.state === 'running' ? finished : completed) / total;
  const unreachable = snapshot.sources.some((s) => s.error?.code === 'cloud-unreachable');
  return { total, finished, completed, failed, images, fraction, unreachable };
}

export const STATE_LABEL: Record<SourceProgress['state'], string> = {
  queued: 'queued',
  running: 'syncing',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};
