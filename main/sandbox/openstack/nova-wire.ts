import { json, type Reply } from './sandbox-http';

/**
 * Nova's wire conventions: the fault envelope named after the status ({"itemNotFound": {code,
 * message}}), microversion negotiation with the OpenStack-API-Version header (and the legacy
 * X-OpenStack-Nova-API-Version), and the headers every answer carries.
 */

export const NOVA_MIN_MINOR = 1;
/** 2024.1 (Caracal)'s maximum. */
export const NOVA_MAX_MINOR = 96;

const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

/** A refusal a Nova handler throws; the router answers it in Nova's envelope. */
export class NovaFault extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'NovaFault';
  }
}

export const novaError = (status: number, message: string): Reply =>
  json(status, { [FAULT_NAMES[status] ?? 'computeFault']: { code: status, message } });

/** The microversion a request asks for; a malformed or unsupported one is Nova's 400/406. */
export function requestedMinor(headers: Record<string, string | string[] | undefined>): number {
  const modern = String(headers['openstack-api-version'] ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .find(([service]) => service?.toLowerCase() === 'compute')?.[1];
  const legacy = headers['x-openstack-nova-api-version'];
  const asked = modern ?? (typeof legacy === 'string' ? legacy.trim() : undefined);
  if (asked === undefined) return NOVA_MIN_MINOR;
  if (asked.toLowerCase() === 'latest') return NOVA_MAX_MINOR;
  const match = /^2\.(\d+)$/.exec(asked);
  if (!match) throw new NovaFault(400, `Invalid format for API version: ${asked}`);
  const minor = Number(match[1]);
  if (minor < NOVA_MIN_MINOR || minor > NOVA_MAX_MINOR) {
    throw new NovaFault(
      406,
      `Version 2.${minor} is not supported by the API. Minimum is 2.${NOVA_MIN_MINOR} and maximum is 2.${NOVA_MAX_MINOR}.`,
    );
  }
  return minor;
}

export const versionHeaders = (minor: number): Record<string, string> => ({
  'openstack-api-version': `compute 2.${minor}`,
  'x-openstack-nova-api-version': `2.${minor}`,
  vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
});

/** Nova's timestamps: seconds, no fraction, "Z". */
export const novaTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** The version document at /v2.1/ (no token needed). */
export const novaVersion = (mountUrl: string): Record<string, unknown> => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: `2.${NOVA_MAX_MINOR}`,
  min_version: `2.${NOVA_MIN_MINOR}`,
  updated: '2013-07-23T11:33:21Z',
  links: [
    { rel: 'self', href: `${mountUrl}/v2.1/` },
    { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
  ],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
});
