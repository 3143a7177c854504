import type { z } from 'zod';
import {
  AwsSecretSchema,
  AzureSecretSchema,
  GcpSecretSchema,
  OpenStackSecretSchema,
  VmwareSecretSchema,
  type Cloud,
  type SetSecretRequestSchema,
} from '@contract/index';
import { serviceAccountKeyProblem } from '../gcp/gcp-form-schema';

export type AnySecret = z.input<typeof SetSecretRequestSchema>['secret'];

export type SecretRead =
  { state: 'empty' } | { state: 'invalid'; message: string } | { state: 'ok'; secret: AnySecret };

/** The `name` of a secret input: several accounts' fields can share one form. */
export const secretFieldName = (prefix: string, field: string) => `${prefix}:${field}`;

/**
 * Reads one account's secret straight from the form's inputs at submit time, so it never sits in
 * React state; checks it with the contract's own schema for that cloud. Blank fields mean "not
 * given" (the user may skip an account and set its secret later).
 */
export function readSecret(cloud: Cloud, form: HTMLFormElement, prefix: string): SecretRead {
  const value = (field: string): string => {
    const element = form.elements.namedItem(secretFieldName(prefix, field));
    if (element instanceof RadioNodeList) return element.value;
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value;
    return '';
  };
  switch (cloud) {
    case 'aws': {
      const key = value('secretAccessKey');
      if (key === '') return { state: 'empty' };
      const token = value('sessionToken').trim();
      return check(
        AwsSecretSchema,
        { secretAccessKey: key, sessionToken: token || undefined },
        'Secret access key',
      );
    }
    case 'gcp': {
      if (value('kind') === 'access-token') {
        const token = value('accessToken').trim();
        return token === ''
          ? { state: 'empty' }
          : check(GcpSecretSchema, { kind: 'access-token', accessToken: token }, 'Access token');
      }
      const keyJson = value('keyJson');
      if (keyJson.trim() === '') return { state: 'empty' };
      const problem = serviceAccountKeyProblem(keyJson);
      if (problem) return { state: 'invalid', message: `Service-account key: ${problem}` };
      return check(GcpSecretSchema, { kind: 'service-account', keyJson }, 'Service-account key');
    }
    case 'azure': {
      const clientSecret = value('clientSecret');
      return clientSecret === ''
        ? { state: 'empty' }
        : check(AzureSecretSchema, { clientSecret }, 'Client secret');
    }
    case 'openstack': {
      if (value('kind') === 'application-credential') {
        const secret = value('applicationCredentialSecret');
        return secret === ''
          ? { state: 'empty' }
          : check(
              OpenStackSecretSchema,
              { kind: 'application-credential', applicationCredentialSecret: secret },
              'Application credential secret',
            );
      }
      const password = value('password');
      return password === ''
        ? { state: 'empty' }
        : check(OpenStackSecretSchema, { kind: 'password', password }, 'Password');
    }
    case 'vmware': {
      const password = value('password');
      return password === '' ? { state: 'empty' } : check(VmwareSecretSchema, { password }, 'Password');
    }
  }
}

function check(schema: z.ZodType, secret: AnySecret, label: string): SecretRead {
  const parsed = schema.safeParse(secret);
  if (parsed.success) return { state: 'ok', secret };
  // The message names the field, never its value.
  return { state: 'invalid', message: `${label}: ${parsed.error.issues[0]?.message ?? 'is not valid'}` };
}
