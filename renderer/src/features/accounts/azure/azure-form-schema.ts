import { z } from 'zod';
import {
  AddAccountRequestSchema,
  AzureConnectionSchema,
  AzureLocationSchema,
  CredentialStorageSchema,
  EndpointUrlSchema,
} from '@contract/index';
import { blankToUndefined, splitList, withOthers } from '../form/form-text';
import { AccountFormRequestSchema, type AccountFormRequestInput } from '../form/account-form-request';

export const AZURE_LOCATIONS = [
  'eastus',
  'eastus2',
  'westus2',
  'westus3',
  'centralus',
  'northeurope',
  'westeurope',
  'uksouth',
  'germanywestcentral',
  'francecentral',
  'southeastasia',
  'japaneast',
  'australiaeast',
  'brazilsouth',
].map((value) => ({ value, label: value }));

export const AZURE_PUBLISHERS = ['Canonical', 'MicrosoftWindowsServer', 'RedHat', 'Debian', 'SUSE'].map(
  (value) => ({ value, label: value }),
);

const { shape } = AzureConnectionSchema;
const PublisherSchema = shape.publishers.element;
const optionalUrl = z.union([z.literal(''), EndpointUrlSchema]);

/** The Azure form: a service principal (tenant, client, secret), a subscription, what to cache. */
export const AzureFormSchema = z
  .object({
    name: AddAccountRequestSchema.shape.name,
    tenantId: shape.tenantId,
    clientId: shape.clientId,
    clientSecret: z.string().min(8, 'a client secret has at least 8 characters').max(1024),
    subscriptionId: shape.subscriptionId,
    locations: z.array(z.string()),
    otherLocations: z
      .string()
      .refine((text) => splitList(text).every((l) => AzureLocationSchema.safeParse(l).success), {
        message: 'use location names such as swedencentral, separated by commas',
      }),
    publishers: z.array(z.string()),
    otherPublishers: z
      .string()
      .refine((text) => splitList(text).every((p) => PublisherSchema.safeParse(p).success), {
        message: 'use publisher names such as Oracle or OpenLogic, separated by commas',
      }),
    includeManagedImages: z.boolean(),
    includeGalleries: z.boolean(),
    endpoint: optionalUrl,
    authorityHost: optionalUrl,
    storage: CredentialStorageSchema,
  })
  .superRefine((values, ctx) => {
    if (values.locations.length === 0 && splitList(values.otherLocations).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['locations'], message: 'choose at least one location' });
    }
  })
  .transform((values): AccountFormRequestInput => ({
    name: values.name,
    storage: values.storage,
    account: {
      cloud: 'azure',
      connection: {
        tenantId: values.tenantId.trim(),
        clientId: values.clientId.trim(),
        subscriptionId: values.subscriptionId.trim(),
        locations: withOthers(values.locations, values.otherLocations),
        publishers: withOthers(values.publishers, values.otherPublishers),
        includeManagedImages: values.includeManagedImages,
        includeGalleries: values.includeGalleries,
        endpoint: blankToUndefined(values.endpoint),
        authorityHost: blankToUndefined(values.authorityHost),
      },
      secret: { clientSecret: values.clientSecret },
    },
  }))
  .pipe(AccountFormRequestSchema);

export type AzureFormValues = z.input<typeof AzureFormSchema>;

export const AZURE_FIELDS = [
  'name',
  'tenantId',
  'clientId',
  'clientSecret',
  'subscriptionId',
  'locations',
  'otherLocations',
  'publishers',
  'otherPublishers',
  'includeManagedImages',
  'includeGalleries',
  'endpoint',
  'authorityHost',
  'storage',
] as const satisfies readonly (keyof AzureFormValues)[];

export function emptyAzureForm(keychainAvailable: boolean): AzureFormValues {
  return {
    name: '',
    tenantId: '',
    clientId: '',
    clientSecret: '',
    subscriptionId: '',
    locations: [],
    otherLocations: '',
    publishers: ['Canonical', 'MicrosoftWindowsServer'],
    otherPublishers: '',
    includeManagedImages: true,
    includeGalleries: true,
    endpoint: '',
    authorityHost: '',
    storage: keychainAvailable ? 'keychain' : 'session',
  };
}
