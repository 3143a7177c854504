import { z } from 'zod';
import { AddAccountRequestSchema, CredentialStorageSchema, OpenStackConnectionSchema } from '@contract/index';
import { blankToUndefined } from '../form/form-text';
import { AccountFormRequestSchema, type AccountFormRequestInput } from '../form/account-form-request';

const { shape } = OpenStackConnectionSchema;
const required = (message: string) => z.string().max(255).trim().min(1, message);
const optional = z.string().max(255);

/** Keystone v3: password auth (user, project, domains) or an application credential. */
export const OpenStackFormSchema = z
  .object({
    name: AddAccountRequestSchema.shape.name,
    authUrl: shape.authUrl,
    region: required('give the region, usually RegionOne'),
    interface: z.enum(['public', 'internal', 'admin']),
    authType: z.enum(['password', 'application-credential']),
    username: optional,
    userDomainName: optional,
    projectName: optional,
    projectDomainName: optional,
    password: z.string().max(1024),
    applicationCredentialId: optional,
    applicationCredentialSecret: z.string().max(1024),
    storage: CredentialStorageSchema,
  })
  .superRefine((values, ctx) => {
    const need = (field: keyof typeof values, message: string) => {
      if (String(values[field]).trim() === '') ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (values.authType === 'password') {
      need('username', 'give the username');
      need('projectName', 'give the project the images belong to');
      need('password', 'give the password');
    } else {
      need('applicationCredentialId', 'give the application credential id');
      need('applicationCredentialSecret', 'give the application credential secret');
    }
  })
  .transform((values): AccountFormRequestInput => ({
    name: values.name,
    storage: values.storage,
    account: {
      cloud: 'openstack',
      connection:
        values.authType === 'password'
          ? {
              authUrl: values.authUrl,
              region: values.region,
              interface: values.interface,
              authType: 'password',
              username: values.username.trim(),
              userDomainName: blankToUndefined(values.userDomainName),
              projectName: values.projectName.trim(),
              projectDomainName: blankToUndefined(values.projectDomainName),
            }
          : {
              authUrl: values.authUrl,
              region: values.region,
              interface: values.interface,
              authType: 'application-credential',
              applicationCredentialId: values.applicationCredentialId.trim(),
            },
      secret:
        values.authType === 'password'
          ? { kind: 'password', password: values.password }
          : {
              kind: 'application-credential',
              applicationCredentialSecret: values.applicationCredentialSecret,
            },
    },
  }))
  .pipe(AccountFormRequestSchema);

export type OpenStackFormValues = z.input<typeof OpenStackFormSchema>;

export const OPENSTACK_FIELDS = [
  'name',
  'authUrl',
  'region',
  'interface',
  'authType',
  'username',
  'userDomainName',
  'projectName',
  'projectDomainName',
  'password',
  'applicationCredentialId',
  'applicationCredentialSecret',
  'storage',
] as const satisfies readonly (keyof OpenStackFormValues)[];

export function emptyOpenStackForm(keychainAvailable: boolean): OpenStackFormValues {
  return {
    name: '',
    authUrl: '',
    region: 'RegionOne',
    interface: 'public',
    authType: 'password',
    username: '',
    userDomainName: 'Default',
    projectName: '',
    projectDomainName: 'Default',
    password: '',
    applicationCredentialId: '',
    applicationCredentialSecret: '',
    storage: keychainAvailable ? 'keychain' : 'session',
  };
}
