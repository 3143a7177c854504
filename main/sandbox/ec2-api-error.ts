/** An error EC2 would answer with: its code, HTTP status and message, as the real service words them. */
export class Ec2ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'Ec2ApiError';
  }
}

/** Status and default message of the codes the sandbox raises or lets tests inject. */
export const KNOWN_EC2_ERRORS: Record<string, { status: number; message: string }> = {
  AuthFailure: { status: 401, message: 'AWS was not able to validate the provided access credentials' },
  MissingAuthenticationToken: { status: 401, message: 'Request is missing Authentication Token' },
  UnauthorizedOperation: { status: 403, message: 'You are not authorized to perform this operation.' },
  RequestExpired: { status: 400, message: 'Request has expired.' },
  RequestLimitExceeded: { status: 503, message: 'Request limit exceeded.' },
  InternalError: { status: 500, message: 'An internal error has occurred.' },
  ServiceUnavailable: { status: 503, message: "The server is overloaded and can't handle the request." },
  Unavailable: { status: 503, message: 'The server is overloaded and cannot handle the request.' },
  InvalidAction: { status: 400, message: 'The action is not valid for this web service.' },
  InvalidParameterValue: { status: 400, message: 'A parameter value is not valid.' },
  InvalidParameterCombination: { status: 400, message: 'Indicates an incorrect combination of parameters.' },
  InvalidPaginationToken: {
    status: 400,
    message: 'The specified pagination token is not valid or is expired.',
  },
  'InvalidAMIID.NotFound': { status: 400, message: 'The image id does not exist' },
  'InvalidAMIID.Malformed': { status: 400, message: 'Invalid id (expecting "ami-...")' },
  DryRunOperation: { status: 412, message: 'Request would have succeeded, but DryRun flag is set.' },
};

/** Builds an error from a known code, or from an explicit status for anything else. */
export function ec2Error(code: string, message?: string, status?: number): Ec2ApiError {
  const known = KNOWN_EC2_ERRORS[code];
  return new Ec2ApiError(code, status ?? known?.status ?? 400, message ?? known?.message ?? code);
}
