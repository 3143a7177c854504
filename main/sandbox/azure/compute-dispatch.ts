import type { SandboxRequest } from '../request-log';
import { armErrors } from './arm-error';
import { pageOf } from './arm-paging';
import { objectIdOf, type AzureSandboxPrincipal } from './azure-principals';
import type { Answer } from './azure-responses';
import type { ComputeRoute } from './compute-route';
import type { AzureComputeWorld } from './compute-world';

/** A VM's PUT carries its custom data (up to 64 KiB before base64): room for that and more. */
export const MAX_ARM_WRITE_BYTES = 1024 * 1024;

export interface ComputeRequest {
  url: URL;
  record: SandboxRequest;
  principal: AzureSandboxPrincipal;
  rawBody: string;
  apiVersion: string;
}

/** A write's JSON body; ARM refuses one it cannot read with InvalidRequestContent. */
function parseArmBody(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw armErrors.invalidRequestContent();
  }
}

/**
 * Answers launch-side routes the way the server answers catalog ones: RBAC and location are
 * checked at once, and the returned producer runs after the fault injector has had its say
 * (so a latency fault delays the state change too), bringing the world's clock up to date first.
 */
export function computeDispatcher(deps: {
  compute: AzureComputeWorld;
  locations: readonly string[];
  pageSize: number;
  origin: () => string;
}) {
  const { compute, locations, pageSize } = deps;
  return (found: { route: ComputeRoute; captures: string[] }, request: ComputeRequest): (() => Answer) => {
    const { url, record, principal } = request;
    record.action = found.route.operation;
    if (principal.deniedActions?.includes(found.route.action)) {
      throw armErrors.authorizationFailed(
        principal.clientId,
        objectIdOf(principal),
        found.route.action,
        url.pathname,
      );
    }
    const location =
      found.route.locationGroup === undefined ? undefined : found.captures[found.route.locationGroup];
    record.region = location ?? null;
    if (location !== undefined && !locations.includes(location.toLowerCase()))
      throw armErrors.locationNotAvailable(location, locations);
    const body = parseArmBody(request.rawBody);
    return () => {
      compute.tick();
      const result = found.route.handle({
        captures: found.captures,
        query: url.searchParams,
        body,
        apiVersion: request.apiVersion,
        world: compute,
        page: (items) => ({
          status: 200,
          body: pageOf(items, {
            origin: deps.origin(),
            path: url.pathname,
            query: url.searchParams,
            pageSize,
          }),
        }),
      });
      return {
        status: result.status,
        body: result.body === undefined ? '' : JSON.stringify(result.body),
        headers: result.headers,
      };
    };
  };
}
