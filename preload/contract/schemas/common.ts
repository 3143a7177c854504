import { z } from 'zod';

/** The five clouds Hangar knows. Only AWS has a driver so far; the others arrive with the catalog issue. */
export const CloudSchema = z.enum(['aws', 'gcp', 'azure', 'openstack', 'vmware']);
export type Cloud = z.infer<typeof CloudSchema>;

/** Ids we mint ourselves (accounts, operations): short, URL-safe, never user text. */
export const IdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
    'must be an id made of letters, digits, dot, colon, dash or underscore',
  );

export const IsoDateSchema = z.iso.datetime({ offset: true });

/** What every failed call returns: a stable code for the UI and a sentence for the user. */
export const ErrorCodeSchema = z.enum([
  'invalid-request',
  'not-found',
  'conflict',
  'forbidden-sender',
  'keychain-unavailable',
  'cloud-auth',
  'cloud-permission',
  'cloud-unreachable',
  'cloud-throttled',
  'cloud-error',
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export const EmptyRequestSchema = z.object({}).strict();
