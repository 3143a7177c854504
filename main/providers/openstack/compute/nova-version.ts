import { HttpStatusError, requestJson, type HttpTuning } from '../openstack-http';
import type { ComputeSessions } from './compute-session';

/**
 * The Nova microversion Hangar asks for: 2.67, capped at what the cloud offers. What each step
 * brings that Hangar uses:
 *   2.2  key pair `type`, and 201 on create; a created key pair still returns its private_key (≤ 2.91)
 *   2.37 `networks: "auto"` when no network is chosen
 *   2.45 createImage answers `{image_id}` in the body instead of a Location header
 *   2.61 flavors carry their extra_specs (cpu architecture)
 *   2.67 `volume_type` on a block_device_mapping_v2 entry
 * Above 2.91 Nova no longer generates key pairs, so Hangar never asks for more than 2.67.
 */
export const WANTED_MINOR = 67;

export interface Microversion {
  /** 1 when the cloud has no microversions (legacy v2): then no header is sent. */
  minor: number;
  headers: Record<string, string>;
}

export const microversion = (minor: number): Microversion => ({
  minor,
  headers:
    minor <= 1
      ? {}
      : {
          // The current header, and the one Nova before 2.27 understands.
          'openstack-api-version': `compute 2.${minor}`,
          'x-openstack-nova-api-version': `2.${minor}`,
        },
});

const minorOf = (text: unknown): number | null => {
  const match = typeof text === 'string' ? /^2\.(\d+)$/.exec(text.trim()) : null;
  return match ? Number(match[1]) : null;
};

/** GET on Nova's version root (the /v2.1 document), without the project id some catalogs append. */
export async function negotiateMicroversion(
  sessions: ComputeSessions,
  region: string,
  http: HttpTuning | undefined,
  signal?: AbortSignal,
): Promise<Microversion> {
  const base = await sessions.base('compute', region, signal);
  const root = base.replace(/(\/v2(\.1)?)\/[0-9a-f-]+$/i, '$1');
  let body: unknown;
  try {
    ({ body } = await requestJson('Nova', `${root}/`, {}, http, signal));
  } catch (error) {
    // A proxy that hides the version document: speak the base API, whose answers Hangar also reads.
    if (error instanceof HttpStatusError && error.status === 404) return microversion(1);
    throw error;
  }
  const version = (body as { version?: { version?: unknown; min_version?: unknown } } | null)?.version;
  const max = minorOf(version?.version);
  if (max === null) return microversion(1);
  return microversion(Math.min(max, WANTED_MINOR));
}
