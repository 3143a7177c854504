import { z } from 'zod';
import { CloudSchema } from './common';

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  /** Plain words for the user when the keychain cannot be used, including how to fix it. */
  message: z.string().nullable(),
});
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  /** The workspace a new window opens on. */
  startWorkspaceId: z.string(),
  /** The embedded sandbox: local stand-ins of these clouds, with built-in accounts. */
  sandbox: z.object({
    running: z.boolean(),
    clouds: z.array(CloudSchema),
    /** A local image repository (Joyent IMGAPI) to try imports with, when the sandbox runs. */
    imgapiUrl: z.string().nullable(),
  }),
  keychain: KeychainStatusSchema,
  /** Things the user must know about, e.g. a corrupt cache file that was moved aside. */
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
