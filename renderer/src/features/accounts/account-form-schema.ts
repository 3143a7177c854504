import { z } from 'zod';
import {
  AccessKeyIdSchema,
  AddAwsAccountRequestSchema,
  AwsRegionSchema,
  CredentialStorageSchema,
  EndpointUrlSchema,
  SecretAccessKeySchema,
} from '@contract/index';

export const COMMON_REGIONS = [
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
] as const;

export const OWNER_CHOICES = [
  { value: 'amazon', label: 'amazon' },
  { value: 'aws-marketplace', label: 'aws-marketplace' },
  { value: '099720109477', label: 'Canonical (099720109477)' },
] as const;

/** "a, b  c" → ["a", "b", "c"]: the free-text region and owner fields. */
export const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

const unique = (items: string[]) => [...new Set(items)];
const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

/**
 * What the form edits: checkboxes plus free-text "other" fields, empty strings for optional
 * inputs. Each field reuses the contract's own rule so errors show next to it, then the values
 * become a request and go through the contract's AddAwsAccountRequestSchema, the final word.
 */
export const AccountFormSchema = z
  .object({
    name: AddAwsAccountRequestSchema.shape.name,
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
  .transform((values): z.input<typeof AddAwsAccountRequestSchema> => ({
    name: values.name,
    accessKeyId: values.accessKeyId,
    secretAccessKey: values.secretAccessKey,
    sessionToken: blankToUndefined(values.sessionToken),
    regions: unique([...values.regions, ...splitList(values.otherRegions)]),
    owners: unique([...values.owners, ...splitList(values.otherOwners)]),
    endpoint: blankToUndefined(values.endpoint),
    storage: values.storage,
  }))
  .pipe(AddAwsAccountRequestSchema);

export type AccountFormValues = z.input<typeof AccountFormSchema>;

export function emptyAccountForm(keychainAvailable: boolean): AccountFormValues {
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

/** The first region the user chose: the one "Test connection" asks. */
export function firstRegion(values: AccountFormValues): string | undefined {
  return values.regions[0] ?? splitList(values.otherRegions)[0];
}
