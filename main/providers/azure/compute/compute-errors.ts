import type { AppError } from '@contract/index';
import { CloudError } from '../../driver';
import { clip } from '../../shared/error-facts';
import type { ArmErrorBody } from '../azure-clients';
import { classifyAzureError, redactSecret, type AzureErrorContext } from '../azure-error';

/** A long-running operation's failure, as @azure/core-lro words it. */
const LRO_FAILURE = /The long-running operation has failed\. ([A-Za-z]+)\. ([\s\S]*)$/;

/** ARM's code and message behind whatever the SDK threw: a RestError, or a failed operation. */
export function armFactsOf(
  error: unknown,
  body: ArmErrorBody | undefined,
): { code: string; message: string } {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof e.message === 'string' ? e.message : String(error);
  const lro = LRO_FAILURE.exec(text);
  return {
    code: body?.code ?? lro?.[1] ?? (typeof e.code === 'string' ? e.code : ''),
    message: body?.message ?? lro?.[2] ?? text,
  };
}

export interface ComputeErrorContext extends AzureErrorContext {
  clientSecret: string;
}

const fail = (message: string): AppError => ({ code: 'cloud-error', message });

/**
 * What a launch or image action's failure means, with Azure's own reason kept: a quota, a
 * reference to something that is not there (a subnet, a security group, an image), a size the
 * subscription may not use, a refused parameter; the rest as the catalog classifies it, except
 * that permissions name the roles launching needs rather than Reader.
 */
export function computeCloudError(
  error: unknown,
  ctx: ComputeErrorContext,
  body: ArmErrorBody | undefined,
): CloudError {
  if (error instanceof CloudError) return error;
  const { code, message } = armFactsOf(error, body);
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const where = ctx.location ? ` in ${ctx.location}` : '';
  const said = clip(message, 420);
  let appError: AppError | null = null;
  if (code === 'OperationNotAllowed' && /quota/i.test(message)) {
    appError = fail(
      `Azure refused to ${ctx.activity}${where}: the subscription's cores quota would be exceeded (${code}: ${said}). ` +
        'Choose a smaller VM size or fewer servers, or request more quota under Subscriptions → Usage + quotas, then try again.',
    );
  } else if (
    /^(InvalidResourceReference|SubnetNotFound|NetworkSecurityGroupNotFound|PublicIPAddressNotFound)$/.test(
      code,
    )
  ) {
    appError = fail(
      `Azure could not ${ctx.activity}${where}: it refers to something that does not exist there (${code}: ${said}). ` +
        'Choose a subnet and security group that exist in this location, then try again.',
    );
  } else if (/^(SkuNotAvailable|NotAvailableForSubscription)$/.test(code)) {
    appError = fail(
      `Azure could not ${ctx.activity}${where} (${code}: ${said}). Choose another VM size or location.`,
    );
  } else if (/^(PlatformImageNotFound|ImageNotFound|GalleryImageNotFound)$/.test(code)) {
    appError = fail(
      `Azure could not ${ctx.activity}${where}: the image is not available there (${code}: ${said}). Choose an image published to this location.`,
    );
  } else if (
    /^(InvalidParameter|BadRequest|OperationNotAllowed|PropertyChangeNotAllowed|Conflict|NicInUse)$/.test(
      code,
    )
  ) {
    appError = fail(`Azure refused to ${ctx.activity}${where} (${code}: ${said}).`);
  } else if (status === 403 || code === 'AuthorizationFailed' || code === 'LinkedAuthorizationFailed') {
    const action = /perform action '([^']+)'/.exec(message)?.[1];
    appError = {
      code: 'cloud-permission',
      message:
        `The app may not ${ctx.activity}${where} (${code || 'HTTP 403'}${action ? `: missing ${action}` : ''}). ` +
        `Give it Virtual Machine Contributor and Network Contributor (or Contributor) on subscription ${ctx.subscriptionId ?? ''}, then try again; new roles can take a few minutes to apply.`,
    };
  }
  const final =
    appError ??
    classifyAzureError(error, { ...ctx, armError: body ?? (code ? { code, message } : undefined) }).appError;
  return new CloudError(redactSecret(final, ctx.clientSecret), { cause: error });
}

/** A request Azure would refuse, said before anything is created. */
export function invalidRequest(message: string): CloudError {
  return new CloudError({ code: 'invalid-request', message });
}
