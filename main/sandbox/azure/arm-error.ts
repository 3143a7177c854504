/** An error the stand-in answers with, in Resource Manager's envelope `{ error: { code, message } }`. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }

  body(): string {
    return JSON.stringify({ error: { code: this.code, message: this.message } });
  }
}

/** Messages worded like ARM's own, so the driver's classifier is tested against realistic text. */
export const armErrors = {
  missingAuthorization: () =>
    new ArmError(
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
      {
        'www-authenticate':
          'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
      },
    ),
  invalidToken: () =>
    new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
      'www-authenticate':
        'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."',
    }),
  expiredToken: () =>
    new ArmError(
      401,
      'ExpiredAuthenticationToken',
      'The access token expiry UTC time is earlier than current UTC time.',
      { 'www-authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token"' },
    ),
  authorizationFailed: (clientId: string, objectId: string, action: string, scope: string) =>
    new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  subscriptionNotFound: (subscriptionId: string) =>
    new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  missingApiVersion: () =>
    new ArmError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    ),
  invalidApiVersion: (value: string) =>
    new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${value.slice(0, 40)}' is invalid. The supported versions are '2024-07-01,2024-11-01,2025-04-01,2025-12-03,2026-04-01'.`,
    ),
  locationNotAvailable: (location: string, available: readonly string[]) =>
    new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type 'Microsoft.Compute/locations/publishers'. List of available regions for the resource type is '${available.join(',')}'.`,
    ),
  artifactNotFound: () => new ArmError(404, 'NotFound', 'Artifact: VMImage was not found.'),
  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    ),
  resourceGroupNotFound: (resourceGroup: string) =>
    new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`),
  parentResourceNotFound: (parent: string) =>
    new ArmError(
      404,
      'ParentResourceNotFound',
      `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`,
    ),
  invalidSkipToken: () =>
    new ArmError(400, 'InvalidSkipToken', 'The $skiptoken query parameter is invalid or expired.'),
  noRoute: (path: string) =>
    new ArmError(
      404,
      'NoRegisteredProviderFound',
      `No registered resource provider found for the path '${path.slice(0, 200)}'.`,
    ),
  methodNotAllowed: (method: string) =>
    new ArmError(
      405,
      'MethodNotAllowed',
      `The HTTP method '${method}' is not supported by this stand-in for this resource.`,
    ),
  badFilter: (filter: string) =>
    new ArmError(
      400,
      'InvalidFilter',
      `The $filter '${filter.slice(0, 100)}' is not supported: only location eq '<location>' is.`,
    ),
  invalidRequestContent: () =>
    new ArmError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    ),
  missingLocation: () =>
    new ArmError(400, 'LocationRequired', 'The location property is required for this definition.'),
  internal: () =>
    new ArmError(
      500,
      'InternalServerError',
      'Encountered internal server error. Diagnostic information: timestamp, subscription id, tracking id.',
    ),
};
