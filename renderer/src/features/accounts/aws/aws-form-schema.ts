import { z } from 'zod';
import {
  AccessKeyIdSchema,
  AddAccountRequestSchema,
  AwsRegionSchema,
  CredentialStorageSchema,
  EndpointUrlSchema,
  SecretAccessKeySchema,
} from '@contract/index';
import { blankToUndefined, splitList, withOthers } from '../form/form-text';
import { AccountFormRequestSchema, type AccountFormRequestInput } from '../form/account-form-request';

export const AWS_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
].map((value) => ({ value, label: value }));

export const AWS_OWNERS = [
  { value: 'amazon', label: 'amazon' },
  { value: 'aws-marketplace', label: 'aws-marketplace' },
  { value: '099720109477', label: 'Canonical (099720109477)' },
];

/**
 * What the AWS form edits: checkboxes plus free-text "other" fields, empty strings for optional
 * inputs. Each field reuses the contract's own rule so errors show next to it; the values then
 * become `{ connection, secret }` and pass the contract's AddAccountRequestSchema, the final word.
 */
export const AwsFormSchema = z
  .object({
    name: AddAccountRequestSchema.shape.name,
    accessKeyId: AccessKeyIdSchema,
    secretAccessKey: SecretAccessKeySchema,
    sessionToken: z.string().max(4096),
    regions: z.array(z.string()),
    otherRegions: z
      .string()
      .refine((text) => splitList(text).every((r) => AwsRegionSchema.safeParse(r).success), {
        message: 'use region codes such as ca-central-1, separated by commas',
      }),
    owners: z.array(z.string()),
    otherOwners: z.string().refine((text) => splitList(text).every((id) => /^\d{12}$/.test(id)), {
      message: 'enter 12-digit AWS account ids, separated by commas',
    }),
    endpoint: z.union([z.literal(''), EndpointUrlSchema]),
    storage: CredentialStorageSchema,
  })
  .superRefine((values, ctx) => {
    if (values.regions.length === 0 && splitList(values.otherRegions).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'choose at least one region' });
    }
  })
  .transform((values): AccountFormRequestInput => ({
    name: values.name,
    storage: values.storage,
    account: {
      cloud: 'aws',
      connection: {
        accessKeyId: values.accessKeyId,
        regions: withOthers(values.regions, values.otherRegions),
        owners: withOthers(values.owners, values.otherOwners),
        endpoint: blankToUndefined(values.endpoint),
      },
      secret: {
        secretAccessKey: values.secretAccessKey,
        sessionToken: blankToUndefined(values.sessionToken),
      },
    },
  }))
  .pipe(AccountFormRequestSchema);

export type AwsFormValues = z.input<typeof AwsFormSchema>;

export const AWS_FIELDS = [
  'name',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'regions',
  'otherRegions',
  'owners',
  'otherOwners',
  'endpoint',
  'storage',
] as const satisfies readonly (keyof AwsFormValues)[];

export function emptyAwsForm(keychainAvailable: boolean): AwsFormValues {
  return {
    name: '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    regions: [],
    otherRegions: '',
    owners: [],
    otherOwners: '',
    endpoint: '',
    storage: keychainAvailable ? 'keychain' : 'session',
  };
}
