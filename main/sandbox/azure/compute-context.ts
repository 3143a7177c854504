import { randomUUID } from 'node:crypto';
import { armErrors } from './arm-error';
import type { ArmOperations, ArmTimeline } from './arm-async-operations';
import type { AzureSandboxCatalog } from './azure-catalog';
import { computeErrors } from './compute-arm-errors';

/** How long each kind of work takes in the stand-in, in milliseconds. */
export interface ComputeDelays {
  /** A VM from accepted to running (PowerState/starting at a third of it). */
  vmBuildMs: number;
  /** A VM from Deleting to gone. */
  vmDeleteMs: number;
  /** Deallocating a VM. */
  vmPowerMs: number;
  /** A network security group, public IP or network interface write or delete. */
  networkMs: number;
  /** A managed image from Creating to Succeeded, or deleted. */
  imageMs: number;
  /** A gallery image version update (replication, end of life) or deletion. */
  galleryMs: number;
}

/** Long enough for the embedded Sandbox's progress view to show each step. */
export const DEFAULT_COMPUTE_DELAYS: ComputeDelays = {
  vmBuildMs: 4000,
  vmDeleteMs: 2000,
  vmPowerMs: 1500,
  networkMs: 600,
  imageMs: 3000,
  galleryMs: 2500,
};

/** ARM's body of a resource: what the wire carries, kept as such. */
export type WireResource = Record<string, unknown> & {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
};

/** What every compute/network state object shares. */
export interface ComputeContext {
  subscriptionId: string;
  catalog: AzureSandboxCatalog;
  timeline: ArmTimeline;
  operations: ArmOperations;
  delays: ComputeDelays;
}

export const same = (a: string | undefined | null, b: string | undefined | null): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export const etag = (): string => `W/"${randomUUID()}"`;

export function resourceId(
  subscriptionId: string,
  resourceGroup: string,
  provider: string,
  type: string,
  name: string,
): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${provider}/${type}/${name}`;
}

/** The resource group segment of an id, or '' when it has none. */
export const groupOf = (id: string): string => /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1] ?? '';

/** ARM checks the group before the resource: every write and read inside one starts here. */
export function requireGroup(ctx: ComputeContext, resourceGroup: string): void {
  if (!ctx.catalog.hasResourceGroup(resourceGroup)) throw armErrors.resourceGroupNotFound(resourceGroup);
}

/** A write's `location`, which must be one the subscription offers. */
export function requireLocation(ctx: ComputeContext, body: unknown, type: string): string {
  const location = String((body as { location?: unknown } | null)?.location ?? '').toLowerCase();
  if (!location) throw armErrors.missingLocation();
  if (!ctx.catalog.hasLocation(location))
    throw computeErrors.locationNotAvailable(location, type, ctx.catalog.locations);
  return location;
}

/** The write body's `properties`, an object even when the client left it out. */
export function propertiesOf(body: unknown): Record<string, unknown> {
  const properties = (body as { properties?: unknown } | null)?.properties;
  return properties && typeof properties === 'object' ? { ...(properties as Record<string, unknown>) } : {};
}

export function tagsOf(body: unknown): Record<string, string> {
  const tags = (body as { tags?: unknown } | null)?.tags;
  if (!tags || typeof tags !== 'object') return {};
  return Object.fromEntries(Object.entries(tags as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** `{ id }` references in a body, read without trusting their shape. */
export function refId(value: unknown): string | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : null;
}

/** A route's outcome before it is serialised: status, JSON body (none for 202/204), headers. */
export interface WriteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
