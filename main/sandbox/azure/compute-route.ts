import type { WriteResult } from './compute-context';
import type { ComputeOperation } from './compute-operations';
import type { AzureComputeWorld } from './compute-world';

/** What a launch-side route gets: its path captures, query, parsed body and the world. */
export interface ComputeRouteContext {
  captures: string[];
  query: URLSearchParams;
  body: unknown;
  apiVersion: string;
  world: AzureComputeWorld;
  /** A list answer paged with ARM's `nextLink`, like the catalog's lists. */
  page: (items: readonly unknown[]) => WriteResult;
}

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

export interface ComputeRoute {
  operation: ComputeOperation;
  /** The RBAC action ARM checks, named in AuthorizationFailed. */
  action: string;
  method: HttpMethod;
  /** Matched against the path after `/subscriptions/{id}`, ignoring case. */
  pattern: RegExp;
  /** The location segment's index among the captures, for routes under `/locations/{location}`. */
  locationGroup?: number;
  handle(ctx: ComputeRouteContext): WriteResult;
}

export const route = (path: string): RegExp => new RegExp(`^${path}$`, 'i');
export const json = (body: unknown): WriteResult => ({ status: 200, body });
export const RG = '/resourceGroups/([^/]+)';
