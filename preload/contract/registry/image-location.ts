/**
 * Where a server's image lives, from where the server runs: Compute Engine images are global
 * while its servers are zonal; on every other cloud the image lives where the server does.
 * Shared by main and the renderer so both map launches to registry mappings the same way.
 */
export function imageLocationOf(cloud: string, serverLocation: string): string {
  return cloud === 'gcp' ? 'global' : serverLocation;
}
