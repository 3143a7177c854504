import type { z } from 'zod';
import { AddAccountRequestSchema } from '@contract/index';

/**
 * What a cloud's form produces: the add request without where the account goes. The workspace
 * (this window's) and the environment (the dialog's choice) are added when saving, so no form can
 * file an account into another client's workspace.
 */
export const AccountFormRequestSchema = AddAccountRequestSchema.omit({
  workspaceId: true,
  environmentId: true,
});
export type AccountFormRequest = z.infer<typeof AccountFormRequestSchema>;
export type AccountFormRequestInput = z.input<typeof AccountFormRequestSchema>;
