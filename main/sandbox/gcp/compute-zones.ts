import { COMPUTE_V1_BASE } from './gcp-image-resource';
import { GCE_REGIONS } from './compute-seed';

/** zones.list items as Compute returns them: every seeded zone, UP, with its region's URL. */
export function zoneResources(project: string) {
  const zones = Object.entries(GCE_REGIONS).flatMap(([region, r]) =>
    r.zones.map((letter) => ({ region, name: `${region}-${letter}` })),
  );
  return zones.map(({ region, name }, index) => ({
    kind: 'compute#zone',
    id: String(2_100 + index),
    name,
    description: name,
    status: 'UP',
    region: `${COMPUTE_V1_BASE}/projects/${project}/regions/${region}`,
    selfLink: `${COMPUTE_V1_BASE}/projects/${project}/zones/${name}`,
  }));
}
