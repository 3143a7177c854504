import { z } from 'zod';
import { AddAccountRequestSchema, CredentialStorageSchema, VmwareConnectionSchema } from '@contract/index';
import { AccountFormRequestSchema, type AccountFormRequestInput } from '../form/account-form-request';

const { shape } = VmwareConnectionSchema;

/** The fingerprint as the contract stores it (AB:CD:… uppercase), whatever spelling main reported. */
export function normalizeFingerprint(text: string): string {
  const hex = text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.length === 64 ? (hex.match(/../g) ?? []).join(':') : text.trim();
}

/** vCenter: its URL, a user, and the self-signed certificate the user chose to trust, if any. */
export const VmwareFormSchema = z
  .object({
    name: AddAccountRequestSchema.shape.name,
    url: shape.url,
    username: z.string().trim().min(1, 'give the vCenter username').max(255),
    password: z.string().min(1, 'give the password').max(1024),
    trustedCertFingerprint: z.union([z.literal(''), shape.trustedCertFingerprint.unwrap()]),
    storage: CredentialStorageSchema,
  })
  .transform((values): AccountFormRequestInput => ({
    name: values.name,
    storage: values.storage,
    account: {
      cloud: 'vmware',
      connection: {
        url: values.url,
        username: values.username,
        trustedCertFingerprint: values.trustedCertFingerprint || undefined,
      },
      secret: { password: values.password },
    },
  }))
  .pipe(AccountFormRequestSchema);

export type VmwareFormValues = z.input<typeof VmwareFormSchema>;

export const VMWARE_FIELDS = [
  'name',
  'url',
  'username',
  'password',
  'trustedCertFingerprint',
  'storage',
] as const satisfies readonly (keyof VmwareFormValues)[];

export function emptyVmwareForm(keychainAvailable: boolean): VmwareFormValues {
  return {
    name: '',
    url: '',
    username: '',
    password: '',
    trustedCertFingerprint: '',
    storage: keychainAvailable ? 'keychain' : 'session',
  };
}
