import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver } from '../driver';
import { VMWARE_SCOPES } from './vmware-driver';

/**
 * The registration wizard's VMware step offers a list: a template is chosen, never typed. This is
 * that list, read from the cloud through the driver's two sources (content library items and VMs
 * marked as templates), in the shape of the contract's `registry:templates` answer.
 */
export interface VmwareTemplateChoice {
  /** What `getImage` and the registry take: a library item id or a template VM's moid. */
  id: string;
  name: string;
  /** How the details pane words it: "VM template", "Content library VM template" … */
  kind: string;
  osFamily: string;
  osVersion: string | null;
}

const kindOf = (image: StoredImage): string =>
  image.fields.find((field) => field.label === 'Kind')?.value ?? 'VM template';

export const templateChoiceOf = (image: StoredImage): VmwareTemplateChoice => ({
  id: image.cloudId,
  name: image.name,
  kind: kindOf(image),
  osFamily: image.osFamily,
  osVersion: image.osVersion,
});

/**
 * Every template the account can deploy, sorted by name (then kind). A user allowed to read only
 * one of the two sources (no Content Library privilege, say) still gets the other's templates;
 * any other failure, or both sources refused, throws the CloudError so the caller can fall back
 * to the cache and say why.
 */
export async function listVmwareTemplates(
  driver: CloudDriver,
  location: string,
  signal?: AbortSignal,
): Promise<VmwareTemplateChoice[]> {
  const results = await Promise.allSettled(
    VMWARE_SCOPES.map((owner) => driver.listImages({ location, owner }, () => undefined, signal)),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const refused = (error: unknown): boolean =>
    error instanceof CloudError && error.appError.code === 'cloud-permission';
  if (failures.length === results.length || failures.some((error) => !refused(error))) {
    throw failures.find((error) => !refused(error)) ?? failures[0];
  }
  const images = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  // Subscribed copies that are not downloaded yet still deploy (vCenter syncs them on demand).
  return images
    .map(templateChoiceOf)
    .sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
