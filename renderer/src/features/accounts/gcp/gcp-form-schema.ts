import { z } from 'zod';
import {
  AddAccountRequestSchema,
  CredentialStorageSchema,
  EndpointUrlSchema,
  GcpProjectSchema,
} from '@contract/index';
import { blankToUndefined, splitList, withOthers } from '../form/form-text';
import { AccountFormRequestSchema, type AccountFormRequestInput } from '../form/account-form-request';

/** Google's public image projects (public-image-facts.md); the account's own project is always cached. */
export const GCP_IMAGE_PROJECTS = [
  'debian-cloud',
  'ubuntu-os-cloud',
  'rhel-cloud',
  'rocky-linux-cloud',
  'windows-cloud',
  'cos-cloud',
  'centos-cloud',
  'fedora-cloud',
  'opensuse-cloud',
  'suse-cloud',
].map((value) => ({ value, label: value }));

export type GcpCredentialKind = 'service-account' | 'access-token';

/** Why a pasted or loaded text is not a usable service-account key, or null when it looks right. */
export function serviceAccountKeyProblem(text: string): string | null {
  if (text.trim() === '') return 'paste the key JSON, or load the key file';
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    return 'this is not JSON: load the .json key file Google Cloud gave you';
  }
  const record = (typeof key === 'object' && key !== null ? key : {}) as Record<string, unknown>;
  if (record.type !== 'service_account' || typeof record.client_email !== 'string' || !record.private_key) {
    return 'this JSON is not a service-account key (it needs type, client_email and private_key)';
  }
  return null;
}

/** The service account and project a key names, for a hint under the field (never the key itself). */
export function describeKey(text: string): { clientEmail: string; projectId: string | null } | null {
  if (serviceAccountKeyProblem(text)) return null;
  const key = JSON.parse(text) as { client_email: string; project_id?: unknown };
  return {
    clientEmail: key.client_email,
    projectId: typeof key.project_id === 'string' ? key.project_id : null,
  };
}

export const GcpFormSchema = z
  .object({
    name: AddAccountRequestSchema.shape.name,
    projectId: GcpProjectSchema,
    imageProjects: z.array(z.string()),
    otherImageProjects: z
      .string()
      .refine((text) => splitList(text).every((p) => GcpProjectSchema.safeParse(p).success), {
        message: 'use project ids such as my-images-123, separated by commas',
      }),
    credentialKind: z.enum(['service-account', 'access-token']),
    keyJson: z.string().max(20_000, 'this file is too large to be a service-account key'),
    accessToken: z.string().max(4096),
    endpoint: z.union([z.literal(''), EndpointUrlSchema]),
    storage: CredentialStorageSchema,
  })
  .superRefine((values, ctx) => {
    if (values.credentialKind === 'service-account') {
      const problem = serviceAccountKeyProblem(values.keyJson);
      if (problem) ctx.addIssue({ code: 'custom', path: ['keyJson'], message: problem });
    } else if (values.accessToken.trim().length < 10) {
      ctx.addIssue({
        code: 'custom',
        path: ['accessToken'],
        message: 'paste an OAuth access token (ya29.…)',
      });
    }
  })
  .transform((values): AccountFormRequestInput => ({
    name: values.name,
    storage: values.storage,
    account: {
      cloud: 'gcp',
      connection: {
        projectId: values.projectId,
        imageProjects: withOthers(values.imageProjects, values.otherImageProjects),
        endpoint: blankToUndefined(values.endpoint),
      },
      secret:
        values.credentialKind === 'service-account'
          ? { kind: 'service-account', keyJson: values.keyJson }
          : { kind: 'access-token', accessToken: values.accessToken.trim() },
    },
  }))
  .pipe(AccountFormRequestSchema);

export type GcpFormValues = z.input<typeof GcpFormSchema>;

export const GCP_FIELDS = [
  'name',
  'projectId',
  'imageProjects',
  'otherImageProjects',
  'credentialKind',
  'keyJson',
  'accessToken',
  'endpoint',
  'storage',
] as const satisfies readonly (keyof GcpFormValues)[];

export function emptyGcpForm(keychainAvailable: boolean): GcpFormValues {
  return {
    name: '',
    projectId: '',
    imageProjects: [],
    otherImageProjects: '',
    credentialKind: 'service-account',
    keyJson: '',
    accessToken: '',
    endpoint: '',
    storage: keychainAvailable ? 'keychain' : 'session',
  };
}
