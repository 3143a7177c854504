import type { HttpTuning } from '../openstack-http';
import type { ComputeSessions } from './compute-session';
import type { Microversion } from './nova-version';

/** What every compute call needs: the shared session, the region, Nova's microversion, cancel. */
export interface ComputeCall {
  sessions: ComputeSessions;
  region: string;
  http?: HttpTuning;
  /** The negotiated Nova microversion (asked once per region). */
  nova: () => Promise<Microversion>;
  signal?: AbortSignal;
}

export type Dict = Record<string, unknown>;

export const dict = (value: unknown): Dict | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : null;
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
