/** A google.rpc.ErrorInfo detail, which Google attaches to auth and quota errors. */
interface ErrorInfo {
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo';
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

/**
 * An error the stand-in answers with, in Google's JSON envelope:
 * `{ error: { code, message, errors: [{ message, domain, reason }], status, details? } }`.
 */
export class GcpApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly status: string,
    readonly reason: string,
    message: string,
    readonly extra: {
      domain?: string;
      location?: string;
      locationType?: string;
      errorInfo?: Omit<ErrorInfo, '@type'>;
    } = {},
  ) {
    super(message);
    this.name = 'GcpApiError';
  }

  body(): unknown {
    const entry: Record<string, string> = {
      message: this.message,
      domain: this.extra.domain ?? 'global',
      reason: this.reason,
    };
    if (this.extra.location) entry.location = this.extra.location;
    if (this.extra.locationType) entry.locationType = this.extra.locationType;
    const error: Record<string, unknown> = {
      code: this.httpStatus,
      message: this.message,
      errors: [entry],
      status: this.status,
    };
    if (this.extra.errorInfo) {
      error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', ...this.extra.errorInfo }];
    }
    return { error };
  }
}

const COMPUTE = 'compute.googleapis.com';

/** The errors Compute Engine answers with, in its own words. */
export const gcpErrors = {
  unauthenticated: (method: string): GcpApiError =>
    new GcpApiError(
      401,
      'UNAUTHENTICATED',
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      {
        location: 'Authorization',
        locationType: 'header',
        errorInfo: {
          reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
          domain: 'googleapis.com',
          metadata: { service: COMPUTE, method },
        },
      },
    ),

  forbidden: (permission: string, resource: string): GcpApiError =>
    new GcpApiError(
      403,
      'PERMISSION_DENIED',
      'forbidden',
      `Required '${permission}' permission for '${resource}'`,
    ),

  insufficientScopes: (method: string): GcpApiError =>
    new GcpApiError(
      403,
      'PERMISSION_DENIED',
      'insufficientPermissions',
      'Request had insufficient authentication scopes.',
      {
        errorInfo: {
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service: COMPUTE, method },
        },
      },
    ),

  notFound: (resource: string): GcpApiError =>
    new GcpApiError(404, 'NOT_FOUND', 'notFound', `The resource '${resource}' was not found`),

  invalidField: (field: string, value: string, detail: string): GcpApiError =>
    new GcpApiError(
      400,
      'INVALID_ARGUMENT',
      'invalid',
      `Invalid value for field '${field}': '${value}'. ${detail}`,
    ),

  alreadyExists: (resource: string): GcpApiError =>
    new GcpApiError(409, 'ALREADY_EXISTS', 'alreadyExists', `The resource '${resource}' already exists`),

  resourceInUse: (resource: string, user: string): GcpApiError =>
    new GcpApiError(
      400,
      'FAILED_PRECONDITION',
      'resourceInUseByAnotherResource',
      `The disk resource '${resource}' is already being used by '${user}'`,
    ),

  badRequest: (message: string, reason = 'invalid'): GcpApiError =>
    new GcpApiError(400, 'INVALID_ARGUMENT', reason, message),

  rateLimited: (consumerNumber: string): GcpApiError =>
    new GcpApiError(
      429,
      'RESOURCE_EXHAUSTED',
      'rateLimitExceeded',
      `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service '${COMPUTE}' for consumer 'project_number:${consumerNumber}'.`,
      {
        domain: 'usageLimits',
        errorInfo: {
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            service: COMPUTE,
            quota_metric: 'compute.googleapis.com/read_requests',
            quota_limit: 'ReadRequestsPerMinutePerProject',
          },
        },
      },
    ),

  unavailable: (): GcpApiError =>
    new GcpApiError(503, 'UNAVAILABLE', 'backendError', 'The service is currently unavailable.'),

  methodNotAllowed: (method: string): GcpApiError =>
    new GcpApiError(
      405,
      'UNIMPLEMENTED',
      'httpMethodNotAllowed',
      `HTTP method ${method} is not supported by this URL`,
    ),

  internal: (): GcpApiError =>
    new GcpApiError(500, 'INTERNAL', 'backendError', 'Internal error encountered.'),
};
